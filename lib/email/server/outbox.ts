import 'server-only';

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { parseEml, type ParsedEmail } from '../eml';

/** The outbox (`<data dir>/outbox/*.eml`), read for the dev mailbox. */
export type OutboxEntry = {
  /** The file name without `.eml`: the mailbox's URL segment. */
  id: string;
  from: string;
  to: string;
  subject: string;
  date: Date | null;
};

/** Only names our transport writes: no path separators, no `..`, so ids never leave the folder. */
const OUTBOX_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function isOutboxId(id: string): boolean {
  return OUTBOX_ID.test(id);
}

/** Newest first (file names start with the ISO time they were written). */
export async function listOutbox(input: { dir: string; limit: number }): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(input.dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const ids = names
    .filter((n) => n.endsWith('.eml'))
    .map((n) => n.slice(0, -'.eml'.length))
    .filter(isOutboxId)
    .sort()
    .reverse()
    .slice(0, input.limit);
  const entries = await Promise.all(
    ids.map(async (id) => {
      const email = await readOutboxEmail({ dir: input.dir, id });
      return email
        ? { id, from: email.from, to: email.to, subject: email.subject, date: email.date }
        : null;
    }),
  );
  return entries.filter((e): e is OutboxEntry => e !== null);
}

export async function readOutboxEmail(input: {
  dir: string;
  id: string;
}): Promise<ParsedEmail | null> {
  if (!isOutboxId(input.id)) return null;
  try {
    return parseEml(await readFile(path.join(input.dir, `${input.id}.eml`)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
