import type { ReactNode } from 'react';

import { SignOutButton } from '@/components/sign-out-button';
import { SiteHeader } from '@/components/site-header';
import { Avatar } from '@/components/ui/avatar';
import { requireUser } from '@/lib/auth/current-user';
import { avatarUrl } from '@/lib/users/present';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser('/settings');
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader>
        <span className="flex items-center gap-2 text-sm">
          <Avatar name={user.name} src={avatarUrl(user)} size={28} />
          <span>{user.name}</span>
        </span>
        <SignOutButton />
      </SiteHeader>
      {children}
    </div>
  );
}
