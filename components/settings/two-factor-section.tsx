'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { FormAlert } from '@/components/auth/form-alert';
import { useForm } from '@/components/auth/use-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { ApiClientError, callEndpoint } from '@/lib/api/client';
import {
  confirmTwoFactorEndpoint,
  disableTwoFactorEndpoint,
  startTwoFactorEndpoint,
} from '@/lib/auth/security-endpoints';
import { twoFactorCodeSchema } from '@/lib/auth/two-factor/schemas';
import type { TwoFactorEnrolment } from '@/lib/auth/wire';

export type TwoFactorView = { enabled: boolean; recoveryCodesLeft: number };

/** Settings → Security: set up, confirm and turn off two-factor sign-in. */
export function TwoFactorSection({ initial }: { initial: TwoFactorView }) {
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function start() {
    setMessage(null);
    try {
      setEnrolment(await callEndpoint(startTwoFactorEndpoint));
    } catch (error) {
      setMessage(error instanceof ApiClientError ? error.message : 'Could not start. Try again.');
    }
  }

  const confirm = useForm(twoFactorCodeSchema, async (values) => {
    const res = await callEndpoint(confirmTwoFactorEndpoint, { body: values });
    setEnrolment(null);
    setRecoveryCodes(res.recoveryCodes);
  });

  const turnOff = useForm(twoFactorCodeSchema, async (values) => {
    await callEndpoint(disableTwoFactorEndpoint, { body: values });
    router.refresh();
  });

  if (recoveryCodes) {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm">
          Two-factor sign-in is on. Keep these recovery codes somewhere safe: each signs you in once
          if you lose your phone. They are shown only now.
        </p>
        <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-1 font-mono text-sm">
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div>
          <Button
            onClick={() => {
              setRecoveryCodes(null);
              router.refresh();
            }}
          >
            I saved my recovery codes
          </Button>
        </div>
      </div>
    );
  }

  if (initial.enabled) {
    return (
      <form
        onSubmit={turnOff.onSubmit}
        noValidate
        className="flex flex-col gap-3"
        aria-label="Turn off two-factor sign-in"
      >
        <p className="text-sm">
          Two-factor sign-in is on: signing in asks for a code from your authenticator app.{' '}
          {initial.recoveryCodesLeft} recovery codes left.
        </p>
        <FormAlert message={turnOff.message} />
        <Input
          label="Code to turn off"
          name="code"
          autoComplete="one-time-code"
          hint="A code from your app, or a recovery code."
          error={turnOff.errors.code}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={turnOff.pending}>
            Turn off
          </Button>
        </div>
      </form>
    );
  }

  if (enrolment) {
    return (
      <form
        onSubmit={confirm.onSubmit}
        noValidate
        className="flex flex-col gap-3"
        aria-label="Set up two-factor sign-in"
      >
        <p className="text-sm">
          Scan this QR code with an authenticator app (Google Authenticator, 1Password, Aegis…),
          then type the 6-digit code it shows.
        </p>
        {/* A data URL drawn by the server: nothing is fetched from anywhere. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={enrolment.qrCode}
          alt="QR code for your authenticator app"
          width={200}
          height={200}
        />
        <p className="text-sm">
          Can&apos;t scan it? Enter this setup key instead:{' '}
          <code aria-label="Setup key" className="break-all font-mono">
            {enrolment.secret}
          </code>
        </p>
        <FormAlert message={confirm.message} />
        <Input
          label="Code from your app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          error={confirm.errors.code}
        />
        <div>
          <Button type="submit" disabled={confirm.pending}>
            Turn on
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={message} />
      <p className="text-sm text-muted">
        Ask for a code from an authenticator app as well as your password when you sign in.
      </p>
      <div>
        <Button variant="secondary" onClick={() => void start()}>
          Set up two-factor sign-in
        </Button>
      </div>
    </div>
  );
}
