import type { Store } from '@/lib/db/store';
import type { Message } from '@/lib/db/types';

/** Opens a fresh, empty store of the adapter under test. */
export type OpenStore = () => Promise<Store>;

/** An email nobody else in the run has. */
export const uniqueEmail = () => `${Math.random().toString(36).slice(2, 10)}@example.com`;

/** Builders the chat contract shares: fresh people, groups, messages and uploads. */
export function chatFixtures(getStore: () => Store) {
  // Times are milliseconds: a short pause makes "later" unambiguous.
  const tick = () => new Promise((resolve) => setTimeout(resolve, 3));
  const person = async () =>
    (
      await getStore().createUser({
        email: uniqueEmail(),
        name: 'Someone',
        passwordHash: null,
      })
    ).id;
  const people = (n: number) => Promise.all(Array.from({ length: n }, person));
  const group = async (ownerId: string, memberIds: string[] = []) =>
    getStore().createGroup({ name: 'Team', ownerId, memberIds });
  const post = async (conversationId: string, authorId: string, body = 'hi', clientId?: string) =>
    (await getStore().createMessage({ conversationId, authorId, body, clientId })).message;
  const seqs = (messages: Message[]) => messages.map((m) => m.seq);
  const upload = (userId: string, name: string) =>
    getStore().createUpload({
      userId,
      kind: 'image',
      name,
      contentType: 'image/webp',
      size: 1234,
      width: 640,
      height: 480,
      key: `uploads/${name}`,
      thumbKey: `uploads/${name}.thumb`,
    });

  return { tick, person, people, group, post, seqs, upload };
}
