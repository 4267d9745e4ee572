import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentUser } from '@/lib/auth/server/current-user';
import { configuredProviders } from '@/lib/auth/server/options';
import { safeCallbackUrl } from '@/lib/routes';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <>
      <h1 className="text-2xl font-semibold">Sign in to Parley</h1>
      <SignInForm
        callbackUrl={callbackUrl}
        providers={configuredProviders()}
        error={params.error}
      />
    </>
  );
}
