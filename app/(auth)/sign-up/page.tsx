import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { SignUpForm } from '@/components/auth/sign-up-form';
import { getCurrentUser } from '@/lib/auth/server/current-user';
import { safeCallbackUrl } from '@/lib/routes';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <>
      <h1 className="text-2xl font-semibold">Create your Parley account</h1>
      <SignUpForm callbackUrl={callbackUrl} />
    </>
  );
}
