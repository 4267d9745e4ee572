'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';

/**
 * Signs out of this browser. Its push subscription goes first: on a shared computer, the next
 * person must not see the previous one's messages pop up. That never holds up signing out.
 * NextAuth's browser client and the push code are fetched on the click: every signed-in page has
 * this button, and they would otherwise be in each page's first load.
 */
export async function signOutHere() {
  if ('serviceWorker' in navigator) {
    await Promise.race([
      import('@/lib/push/client/client').then((m) => m.disablePush()).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
  }
  const { signOut } = await import('next-auth/react');
  await signOut({ callbackUrl: '/sign-in' });
}

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOutHere();
      }}
    >
      Sign out
    </Button>
  );
}
