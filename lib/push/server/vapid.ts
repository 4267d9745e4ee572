import 'server-only';

import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import webpush from 'web-push';
import { z } from 'zod';

import { env } from '@/lib/env';

/**
 * The application server's VAPID identity (RFC 8292): from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY
 * when configured, else a key pair generated once into `<data dir>/vapid.json`. The public key
 * is what browsers subscribe with, so it must never change under them: every process of one
 * deployment reads the same file, and a new key pair would orphan every stored subscription.
 */
export type VapidDetails = { subject: string; publicKey: string; privateKey: string };

const base64url = /^[A-Za-z0-9_-]+$/;
const keyOf = (bytes: number) =>
  z
    .string()
    .regex(base64url)
    .refine((v) => Buffer.from(v, 'base64url').length === bytes, `must decode to ${bytes} bytes`);

const vapidFileSchema = z.object({ publicKey: keyOf(65), privateKey: keyOf(32) });
export type VapidKeys = z.infer<typeof vapidFileSchema>;

export const VAPID_FILE = 'vapid.json';

let cached: Promise<VapidDetails> | undefined;

/** The VAPID details for sending, loaded (or generated) once per process. */
export function getVapidDetails(): Promise<VapidDetails> {
  if (!cached) {
    const loading = resolveVapidDetails({
      publicKey: env.VAPID_PUBLIC_KEY,
      privateKey: env.VAPID_PRIVATE_KEY,
      subject: env.VAPID_SUBJECT,
      dataDir: env.PARLEY_DATA_DIR,
    });
    cached = loading;
    // A failure (unwritable data dir) is not remembered: the next call tries again.
    loading.catch(() => {
      if (cached === loading) cached = undefined;
    });
  }
  return cached;
}

export async function resolveVapidDetails(input: {
  publicKey?: string;
  privateKey?: string;
  subject: string;
  dataDir: string;
}): Promise<VapidDetails> {
  if (input.publicKey && input.privateKey) {
    return { subject: input.subject, publicKey: input.publicKey, privateKey: input.privateKey };
  }
  const keys = await readOrCreateVapidKeys({ file: path.join(input.dataDir, VAPID_FILE) });
  return { subject: input.subject, ...keys };
}

/**
 * Reads the key file, or creates it. Two processes starting together (next dev and a worker)
 * must end up with one key pair: each writes a complete temporary file and hard-links it into
 * place, which fails with EEXIST for all but the first, and the losers read the winner's file.
 * Linking (rather than opening the target with 'wx' and then writing) means nobody can read a
 * file that exists but is still empty.
 */
export async function readOrCreateVapidKeys({ file }: { file: string }): Promise<VapidKeys> {
  const existing = await readKeyFile(file);
  if (existing) return existing;

  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const keys = webpush.generateVAPIDKeys();
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, `${JSON.stringify(keys, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  try {
    await link(temp, file);
    return keys;
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
  } finally {
    await unlink(temp).catch(() => {});
  }
  const winner = await readKeyFile(file);
  if (!winner) throw new Error(`${file} vanished while it was being created.`);
  return winner;
}

async function readKeyFile(file: string): Promise<VapidKeys | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = null;
  }
  const parsed = vapidFileSchema.safeParse(data);
  if (!parsed.success) {
    // Never overwrite it: browsers subscribed with the old public key would stop receiving.
    throw new Error(
      `${file} is not a valid VAPID key file ({"publicKey", "privateKey"} in base64url). ` +
        'Fix it, or delete it to generate new keys (existing push subscriptions then stop working).',
    );
  }
  return parsed.data;
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
