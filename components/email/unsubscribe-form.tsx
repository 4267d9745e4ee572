'use client';

import Link from 'next/link';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { ApiClientError, callEndpoint } from '@/lib/api/client';
import { unsubscribeEndpoint } from '@/lib/email/endpoints';

/** Says what will happen and does it on the button: digests off for the token's person. */
export function UnsubscribeForm({ token, email }: { token: string; email: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function unsubscribe() {
    setState('busy');
    setError(null);
    try {
      const res = await callEndpoint(unsubscribeEndpoint, { body: { token } });
      setMessage(res.message);
      setState('done');
    } catch (err) {
      setError(err instanceof ApiClientError ? err.message : 'Could not unsubscribe. Try again.');
      setState('idle');
    }
  }

  if (state === 'done') {
    return (
      <div className="flex flex-col gap-3">
        <p role="status" className="text-sm">
          {message}
        </p>
        <Link href="/settings" className="text-sm text-accent underline">
          Open Settings
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted">
        Stop the emails Parley sends to {email} about unread mentions and direct messages. You will
        still see notifications in the app, and you can turn the emails back on in Settings.
      </p>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div>
        <Button onClick={() => void unsubscribe()} disabled={state === 'busy'}>
          {state === 'busy' ? 'Unsubscribing…' : 'Unsubscribe'}
        </Button>
      </div>
    </div>
  );
}
