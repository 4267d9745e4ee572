/**
 * People, conversations and notifications for the email digest tests, on an in-memory store.
 * Notifications can be created "in the past" (the store stamps them with Date.now()), each about
 * a real message, since the digest leaves out notifications whose message is gone.
 */
import { afterEach, beforeEach, vi } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';
import type { NotificationKind } from '@/lib/db/types';
import { sendDigest } from '@/lib/email/server/digest';
import type { EmailMessage, SentEmail } from '@/lib/email/server/transport';

export const MINUTE = 60_000;

export type DigestWorld = Awaited<ReturnType<typeof createDigestWorld>>;

export async function createDigestWorld() {
  const store = createSqliteStore(':memory:');
  const person = (name: string) =>
    store.createUser({
      email: `${name.toLowerCase()}-${crypto.randomUUID()}@example.com`,
      name,
      passwordHash: null,
    });
  const [ana, ben, cy] = [await person('Ana'), await person('Ben'), await person('Cy')];
  const design = await store.createGroup({
    name: 'Design',
    ownerId: ana.id,
    memberIds: [ben.id, cy.id],
  });
  const { conversation: dm } = await store.findOrCreateDirect({
    userIds: [ana.id, ben.id],
    createdBy: ana.id,
  });
  /**
   * A notification for `userId` (Ben by default) about a new message by `actorId`, both created
   * `minutesAgo` before now.
   */
  async function notify(input: {
    kind: NotificationKind;
    conversationId: string;
    actorId: string;
    preview: string;
    userId?: string;
    minutesAgo?: number;
  }) {
    if (input.minutesAgo) {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - input.minutesAgo * MINUTE });
    }
    try {
      const { message } = await store.createMessage({
        conversationId: input.conversationId,
        authorId: input.actorId,
        body: input.preview,
      });
      const { notification } = await store.createNotification({
        userId: input.userId ?? ben.id,
        kind: input.kind,
        conversationId: input.conversationId,
        messageId: message.id,
        callId: null,
        seq: message.seq,
        actorId: input.actorId,
        preview: input.preview,
      });
      return notification;
    } finally {
      vi.useRealTimers();
    }
  }

  return { store, ana, ben, cy, design, dm, notify };
}

/**
 * A fresh digest world per test and an outbox that records what was sent: call once at the top
 * of a digest test file. `digest()` runs one digest for Ben (or `userId`).
 */
export function digestRuns() {
  const t = {
    world: undefined as unknown as DigestWorld,
    outbox: [] as EmailMessage[],
    send: async (message: EmailMessage): Promise<SentEmail> => {
      t.outbox.push(message);
      return { transport: 'outbox', messageId: `<${t.outbox.length}@test>` };
    },
    digest: (opts: { userId?: string; now?: Date } = {}) =>
      sendDigest({
        store: t.world.store,
        userId: opts.userId ?? t.world.ben.id,
        now: opts.now,
        send: t.send,
      }),
  };
  beforeEach(async () => {
    t.world = await createDigestWorld();
    t.outbox = [];
  });
  afterEach(async () => t.world.store.close());
  return t;
}
