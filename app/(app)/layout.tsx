import type { ReactNode } from 'react';

import { RealtimeProvider } from '@/components/realtime-provider';
import { SignOutButton } from '@/components/sign-out-button';
import { SiteHeader } from '@/components/site-header';
import { UserBadge } from '@/components/user-badge';
import { requireUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';
import { avatarUrl } from '@/lib/users/present';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser('/settings');
  const me = { id: user.id, name: user.name, image: avatarUrl(user), statusText: user.statusText };
  return (
    <RealtimeProvider host={env.PARTYKIT_HOST} userId={user.id}>
      <div className="flex min-h-dvh flex-col">
        <SiteHeader>
          <UserBadge me={me} />
          <SignOutButton />
        </SiteHeader>
        {children}
      </div>
    </RealtimeProvider>
  );
}
