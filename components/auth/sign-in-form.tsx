'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { callEndpoint } from '@/lib/api/client';
import { signInEndpoint } from '@/lib/auth/endpoints';
import { signInSchema } from '@/lib/auth/schemas';

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
  const form = useForm(signInSchema, async (values) => {
    await callEndpoint(signInEndpoint, { body: values });
    router.replace(callbackUrl);
    router.refresh();
  });
  const initial = error ? (oauthErrors[error] ?? 'Sign-in failed. Try again.') : null;
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
