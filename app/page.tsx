import { Bell, Code, Lock, MessagesSquare, Sparkles, Video, type LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { ConversationPreview } from '@/components/landing/conversation-preview';
import { SiteHeader } from '@/components/site-header';
import { Button } from '@/components/ui/button';
import { getCurrentUser } from '@/lib/auth/server/current-user';
import { HOME_PATH } from '@/lib/routes';

const FEATURES: { icon: LucideIcon; title: string; text: string }[] = [
  {
    icon: MessagesSquare,
    title: 'Direct messages and groups',
    text: 'Messages arrive in well under a second, with replies, reactions, edits, Markdown and images.',
  },
  {
    icon: Video,
    title: 'Voice and video calls',
    text: 'Call a person or a whole group from the conversation, share your screen, on a phone too.',
  },
  {
    icon: Sparkles,
    title: 'An AI assistant in the conversation',
    text: 'Mention @Parley AI for a summary or an answer, right where everyone can see it.',
  },
  {
    icon: Bell,
    title: 'Notifications when you are away',
    text: 'Push notifications and email digests for mentions and direct messages; mute what is noisy.',
  },
  {
    icon: Code,
    title: 'A documented API',
    text: 'Personal API tokens and an OpenAPI description for scripts and bots.',
  },
  {
    icon: Lock,
    title: 'Yours to run',
    text: 'Two-factor sign-in, sessions you can revoke, and your data in your own database.',
  },
];

export default async function LandingPage() {
  // Someone signed in came for their conversations, not the pitch.
  if (await getCurrentUser()) redirect(HOME_PATH);
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-10 sm:px-6 sm:py-16">
        <section className="grid items-center gap-10 lg:grid-cols-2">
          <div className="flex flex-col gap-6">
            <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
              Conversations that keep up with you.
            </h1>
            <p className="text-lg text-muted">
              Parley is real-time chat for people and teams: direct messages and groups, voice and
              video calls, an AI assistant in the conversation, and notifications when you are away.
            </p>
            <div className="flex flex-wrap gap-3">
              <Button asChild>
                <Link href="/sign-up">Create an account</Link>
              </Button>
              <Button asChild variant="secondary">
                <Link href="/sign-in">Sign in</Link>
              </Button>
            </div>
          </div>
          <ConversationPreview />
        </section>

        <section aria-labelledby="features" className="mt-16">
          <h2 id="features" className="text-2xl font-semibold tracking-tight">
            Everything a team chat needs
          </h2>
          <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map(({ icon: Icon, title, text }) => (
              <li
                key={title}
                className="rounded-[var(--radius-card)] border border-border bg-surface p-4"
              >
                <Icon aria-hidden size={20} className="text-accent" />
                <h3 className="mt-2 font-semibold">{title}</h3>
                <p className="mt-1 text-sm text-muted">{text}</p>
              </li>
            ))}
          </ul>
        </section>

        <section
          aria-labelledby="free"
          className="mt-16 rounded-[var(--radius-card)] border border-border p-6"
        >
          <h2 id="free" className="text-2xl font-semibold tracking-tight">
            Runs free on your own accounts
          </h2>
          <p className="mt-2 max-w-3xl text-muted">
            On a laptop,{' '}
            <code className="font-mono text-sm">npm install &amp;&amp; npm run dev</code> starts
            everything with nothing else to install: an embedded database, queue and realtime
            server. Online, it deploys to the free tiers of Vercel, PartyKit, MongoDB Atlas and
            Upstash under your own accounts — no per-seat price, and the data stays yours.
          </p>
        </section>
      </main>
      <footer className="flex flex-wrap gap-4 px-6 py-4 text-sm text-muted">
        <Link href="/api-docs" className="underline">
          API documentation
        </Link>
      </footer>
    </div>
  );
}
