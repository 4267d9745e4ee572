'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { disablePush } from '@/lib/push/client/client';

/**
 * Signs out of this browser. Its push subscription goes first: on a shared computer, the next
 * person must not see the previous one's messages pop up. That never holds up signing out.
 */
export async function signOutHere() {
  if ('serviceWorker' in navigator) {
    await Promise.race([
      disablePush().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
  }
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
