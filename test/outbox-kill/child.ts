/**
 * The process lib/jobs/outbox-crash.test.ts kills: it sends messages through the real send path
 * (lib/chat/server/messages.ts, the SQLite adapter on the file it is given, this process's local
 * dispatcher), lets the first ones' jobs finish, then holds every job and sends more, so some
 * jobs are claimed but unfinished and some committed but never dispatched. The last send stops
 * between its commit and the rest of the send; the process prints one JSON line there and waits
 * to be killed (SIGKILL: no clean-up of any kind).
 *
 * Usage: node test/outbox-kill/launch.mjs test/outbox-kill/child.ts <db file> <log file>
 */
import { sendMessage } from '@/lib/chat/server/messages';
import { createSqliteStore } from '@/lib/db/sqlite';
import type { Store } from '@/lib/db/store';
import { startLocalDispatcher } from '@/lib/jobs/local-dispatcher';

import { recordingRegistry } from './recording';

const [file, logFile] = process.argv.slice(3);
if (!file || !logFile) throw new Error('usage: child.ts <db file> <log file>');

const EARLY = 3;
const LATE = 6;

// A function, not top-level await: the launcher's loader (jiti) compiles to CommonJS.
async function main(file: string, logFile: string) {
  const store = createSqliteStore(file);
  const [ana, ben] = await Promise.all(
    ['Ana', 'Ben'].map((name) =>
      store.createUser({ email: `${name.toLowerCase()}@example.com`, name, passwordHash: null }),
    ),
  );
  const { conversation } = await store.findOrCreateDirect({
    userIds: [ana!.id, ben!.id],
    createdBy: ana!.id,
  });

  let held = false;
  const never = new Promise<void>(() => {});
  startLocalDispatcher({
    store,
    registry: recordingRegistry({ logFile, hold: () => (held ? never : Promise.resolve()) }),
    pollMs: 50,
  });

  const send = async (body: string, clientId: string = crypto.randomUUID()) =>
    (await sendMessage(store, ana!, conversation.id, { body, clientId })).message.id;
  const succeeded = async () =>
    (await store.listJobs({ states: ['succeeded'], limit: 100 })).length;

  const early: string[] = [];
  for (let i = 0; i < EARLY; i++) early.push(await send(`early ${i}`));
  while ((await succeeded()) < EARLY) await new Promise((r) => setTimeout(r, 20));

  held = true;
  const late: string[] = [];
  const retriedClientId = crypto.randomUUID();
  late.push(await send('late 0', retriedClientId));
  for (let i = 1; i < LATE; i++) late.push(await send(`late ${i}`));
  // A retried send: the stored message, and no second job.
  await send('late 0', retriedClientId);
  // Let the dispatcher claim what it can (it then holds those jobs).
  await new Promise((r) => setTimeout(r, 200));

  // Alive until killed (the dispatcher's timers do not hold the process open).
  setInterval(() => {}, 60_000);
  // The last send stops dead between its commit and everything after it (waking the
  // dispatcher, publishing): the store answers, this process reports and is killed right there.
  const stopAfterCommit: Store = {
    ...store,
    async createMessage(input) {
      const result = await store.createMessage(input);
      late.push(result.message.id);
      const ready = { ready: true, authorId: ana!.id, recipientId: ben!.id, early, late };
      process.stdout.write(`${JSON.stringify(ready)}\n`);
      return never.then(() => result);
    },
  };
  await sendMessage(stopAfterCommit, ana!, conversation.id, {
    body: 'the last one',
    clientId: crypto.randomUUID(),
  });
}

void main(file, logFile);
