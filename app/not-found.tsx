import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-3 p-6">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-muted">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="text-accent underline">
        Go to Parley
      </Link>
    </main>
  );
}
