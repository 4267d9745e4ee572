import Link from 'next/link';
import type { ReactNode } from 'react';

import { AppMenu } from '@/components/app-menu';
import { CallRoot } from '@/components/call/call-root';
import { MeProvider } from '@/components/me-context';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { RealtimeProvider } from '@/components/realtime-provider';
import { SearchRoot } from '@/components/search/search-root';
import { SignOutButton } from '@/components/sign-out-button';
import { SiteHeader } from '@/components/site-header';
import { UserBadge } from '@/components/user-badge';
import { getStore } from '@/lib/app-store';
import { pageInboxToken } from '@/lib/realtime/server/inbox-token';
import { requireUser } from '@/lib/auth/server/current-user';
import { env } from '@/lib/env';
import { isAdmin } from '@/lib/jobs/admin';
import { HOME_PATH } from '@/lib/routes';
import { avatarUrl } from '@/lib/users/present';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser(HOME_PATH);
  const store = await getStore();
  const [admin, inboxToken] = await Promise.all([
    isAdmin({ store, user, adminEmails: env.ADMIN_EMAILS }),
    pageInboxToken(store, user.id),
  ]);
  const me = { id: user.id, name: user.name, image: avatarUrl(user), statusText: user.statusText };
  return (
    <MeProvider me={me}>
      <RealtimeProvider host={env.PARTYKIT_HOST} userId={user.id} inboxToken={inboxToken}>
        <div className="flex h-dvh flex-col">
          <SiteHeader
            nav={
              <nav aria-label="App" className="flex items-center gap-1 text-sm">
                <Link href="/chats" className="rounded-md px-2 py-1 hover:bg-surface-2">
                  Chats
                </Link>
                <Link href="/settings" className="rounded-md px-2 py-1 hover:bg-surface-2">
                  Settings
                </Link>
                {admin ? (
                  <Link href="/admin/jobs" className="rounded-md px-2 py-1 hover:bg-surface-2">
                    Jobs
                  </Link>
                ) : null}
              </nav>
            }
            always={
              <>
                <SearchRoot />
                <NotificationBell />
              </>
            }
            phoneMenu={<AppMenu me={me} admin={admin} />}
          >
            <UserBadge me={me} />
            <SignOutButton />
          </SiteHeader>
          <div className="min-h-0 flex-1 overflow-auto">{children}</div>
        </div>
        <CallRoot />
      </RealtimeProvider>
    </MeProvider>
  );
}
