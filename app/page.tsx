import Link from 'next/link';

import { SiteHeader } from '@/components/site-header';
import { Button } from '@/components/ui/button';

export default function LandingPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-3xl flex-1 flex-col justify-center gap-6 px-6 py-16">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
          Conversations that keep up with you.
        </h1>
        <p className="text-lg text-muted">
          Parley is real-time chat for people and teams: direct messages and groups, voice and video
          calls, an AI assistant in the conversation, and notifications when you are away.
        </p>
        <div className="flex flex-wrap gap-3">
          <Button asChild>
            <Link href="/sign-up">Create an account</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </div>
      </main>
      <footer className="px-6 py-4 text-sm text-muted">
        <Link href="/api-docs" className="underline">
          API documentation
        </Link>
      </footer>
    </div>
  );
}
