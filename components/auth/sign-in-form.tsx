'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { callEndpoint } from '@/lib/api/client';
import { signInEndpoint, signInTwoFactorEndpoint } from '@/lib/auth/endpoints';
import { signInSchema } from '@/lib/auth/schemas';
import { twoFactorCodeSchema } from '@/lib/auth/two-factor/schemas';
import { safeCallbackUrl } from '@/lib/routes';

import { FormAlert } from './form-alert';
import { useForm } from './use-form';

const oauthErrors: Record<string, string> = {
  OAuthAccountNotLinked:
    'An account with that email exists, and the provider did not confirm the email. Sign in with your password.',
  OAuthNoEmail:
    'That provider did not share an email address with Parley. Use another way to sign in.',
};

export function SignInForm({
  callbackUrl,
  providers,
  error,
}: {
  callbackUrl: string;
  providers: { id: string; name: string }[];
  error?: string;
}) {
  const router = useRouter();
  const [challenge, setChallenge] = useState<string | null>(null);
  const done = () => {
    // The page sanitised it already; checked again here because this is where we navigate.
    router.replace(safeCallbackUrl(callbackUrl));
    router.refresh();
  };
  // Either signed in (a session cookie came with the answer) or asked for a second factor.
  const form = useForm(signInSchema, async (values) => {
    const answer = await callEndpoint(signInEndpoint, { body: values });
    if ('challenge' in answer) setChallenge(answer.challenge);
    else done();
  });
  const codeForm = useForm(twoFactorCodeSchema, async (values) => {
    if (!challenge) return;
    await callEndpoint(signInTwoFactorEndpoint, { body: { ...values, challenge } });
    done();
  });
  const initial = error ? (oauthErrors[error] ?? 'Sign-in failed. Try again.') : null;
  if (challenge) {
    return (
      <form
        onSubmit={codeForm.onSubmit}
        noValidate
        className="flex flex-col gap-4"
        aria-label="Two-factor code"
      >
        <p className="text-sm">
          Enter the 6-digit code from your authenticator app, or one of your recovery codes.
        </p>
        <FormAlert message={codeForm.message} />
        <Input
          label="Authentication code"
          name="code"
          autoComplete="one-time-code"
          autoFocus
          required
          error={codeForm.errors.code}
        />
        <Button type="submit" disabled={codeForm.pending}>
          {codeForm.pending ? 'Checking…' : 'Verify'}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setChallenge(null)}>
          Start over
        </Button>
      </form>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={form.onSubmit}
        noValidate
        className="flex flex-col gap-4"
        aria-label="Sign in"
      >
        <FormAlert message={form.message ?? initial} />
        <Input
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={form.errors.email}
        />
        <Input
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={form.errors.password}
        />
        <Button type="submit" disabled={form.pending}>
          {form.pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {providers.map((p) => (
        <Button key={p.id} variant="secondary" onClick={() => void signIn(p.id, { callbackUrl })}>
          Continue with {p.name}
        </Button>
      ))}
      <p className="text-sm text-muted">
        New to Parley?{' '}
        <Link
          href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="text-accent underline"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
