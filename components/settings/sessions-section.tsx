'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

import { FormAlert } from '@/components/auth/form-alert';
import { Button } from '@/components/ui/button';
import { ApiClientError, callEndpoint } from '@/lib/api/client';
import { signOutAllEndpoint } from '@/lib/auth/endpoints';

export function SessionsSection() {
  const [message, setMessage] = useState<string | null>(null);
  async function signOutEverywhere() {
    try {
      await callEndpoint(signOutAllEndpoint);
      await signOut({ callbackUrl: '/sign-in' });
    } catch (error) {
      setMessage(
        error instanceof ApiClientError
          ? error.message
          : 'Could not sign out everywhere. Try again.',
      );
    }
  }
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={message} />
      <p className="text-sm text-muted">
        Signs you out on every browser and device, including this one. API tokens keep working until
        you revoke them.
      </p>
      <div>
        <Button variant="secondary" onClick={() => void signOutEverywhere()}>
          Sign out of all devices
        </Button>
      </div>
    </div>
  );
}
