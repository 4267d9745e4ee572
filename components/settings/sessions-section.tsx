'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { FormAlert } from '@/components/auth/form-alert';
import { Button } from '@/components/ui/button';
import { ApiClientError, callEndpoint } from '@/lib/api/client';
import { signOutAllEndpoint } from '@/lib/auth/endpoints';
import { revokeSessionEndpoint } from '@/lib/auth/security-endpoints';
import type { SessionWire } from '@/lib/auth/wire';
import { dateAndTime } from '@/lib/chat/time-format';

type SessionView = SessionWire;

const when = dateAndTime;

/** Settings → Security: the signed-in browsers, each with Sign out, and sign out everywhere. */
export function SessionsSection({ sessions }: { sessions: SessionView[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);

  async function signOutDevice(session: SessionView) {
    setMessage(null);
    try {
      if (session.current) {
        await signOut({ callbackUrl: '/sign-in' });
        return;
      }
      await callEndpoint(revokeSessionEndpoint, { params: { id: session.id } });
      router.refresh();
    } catch (error) {
      setMessage(
        error instanceof ApiClientError ? error.message : 'Could not sign out. Try again.',
      );
    }
  }

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
      <ul aria-label="Signed-in devices" className="flex flex-col divide-y divide-border">
        {sessions.map((s) => {
          const name = `${s.browser} on ${s.os}`;
          return (
            <li
              key={s.id}
              aria-label={name}
              className="flex items-center justify-between gap-3 py-2"
            >
              <div className="text-sm">
                <span className="font-medium">{name}</span>
                {s.current ? <span className="text-muted"> · this device</span> : null}
                <span className="block text-xs text-muted">
                  Signed in {when(s.createdAt)} · last seen {when(s.lastSeenAt)}
                </span>
              </div>
              <Button
                variant="secondary"
                aria-label={`Sign out ${name}${s.current ? ' (this device)' : ''}`}
                onClick={() => void signOutDevice(s)}
              >
                Sign out
              </Button>
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-muted">
        &ldquo;Sign out of all devices&rdquo; signs you out on every browser and device, including
        this one. API tokens keep working until you revoke them.
      </p>
      <div>
        <Button variant="secondary" onClick={() => void signOutEverywhere()}>
          Sign out of all devices
        </Button>
      </div>
    </div>
  );
}
