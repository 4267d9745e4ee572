import { beforeEach, describe, expect, it } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';
import type { Store } from '@/lib/db/store';
import type { User } from '@/lib/db/types';

import type { CallRoomPresence } from './room';
import {
  EMPTY_GRACE_MS,
  acceptCall,
  callDeps,
  getLiveCall,
  hangUpCall,
  missCall,
  startCall,
} from './service';

let store: Store;
let people: User[];
let presence: CallRoomPresence | null;
let now: number;
const deps = () =>
  callDeps({ now: () => now, ringTimeoutMs: 30_000, roomPresence: async () => presence });

beforeEach(async () => {
  store = createSqliteStore(':memory:');
  people = [];
  for (const name of ['Ana', 'Ben', 'Cy'])
    people.push(await store.createUser({ email: `${name}@example.com`, name, passwordHash: null }));
  presence = null;
  now = Date.now();
});

/** An active group call of Ana, Ben and Cy (Ana called, both answered). */
async function groupCall() {
  const [ana, ben, cy] = people as [User, User, User];
  const group = await store.createGroup({ name: 'G', ownerId: ana.id, memberIds: [ben.id, cy.id] });
  const { call } = await startCall(store, ana, group.id, { kind: 'audio' }, deps());
  await acceptCall(store, ben, call.id, deps());
  await acceptCall(store, cy, call.id, deps());
  return { ana, ben, cy, group, call };
}

describe('call service: group calls and the room', () => {
  it('keeps a group call going while others are in its room, ending it with the last', async () => {
    const { ana, ben, cy, call } = await groupCall();
    presence = { participants: [ana.id, ben.id, cy.id], lastLeftAt: null };
    expect((await hangUpCall(store, ana, call.id, deps())).state).toBe('active');
    presence = { participants: [ben.id, cy.id], lastLeftAt: now };
    expect((await hangUpCall(store, ben, call.id, deps())).state).toBe('active');
    presence = { participants: [cy.id], lastLeftAt: now };
    const ended = await hangUpCall(store, cy, call.id, deps());
    expect(ended).toMatchObject({ state: 'ended', outcome: 'completed' });
  });

  it('ends an active call whose room has been empty past the grace period', async () => {
    const { ana, group } = await groupCall();
    presence = { participants: [], lastLeftAt: now };
    now += EMPTY_GRACE_MS - 1;
    expect(await getLiveCall(store, ana, group.id, deps())).not.toBeNull();
    now += 1;
    expect(await getLiveCall(store, ana, group.id, deps())).toBeNull();
    const { messages } = await store.listMessages({ conversationId: group.id, limit: 5 });
    expect(messages.at(-1)?.system).toMatchObject({ type: 'call', outcome: 'completed' });
  });

  it('leaves an active call alone while its room cannot be asked', async () => {
    const { ana, group } = await groupCall();
    now += EMPTY_GRACE_MS * 10;
    expect(await getLiveCall(store, ana, group.id, deps())).toMatchObject({ state: 'active' });
  });
});

describe('call service: ring timeout', () => {
  it('misses a ringing call only once its deadline passed, with one system message', async () => {
    const [ana, ben] = people as [User, User];
    const { conversation } = await store.findOrCreateDirect({
      userIds: [ana.id, ben.id],
      createdBy: ana.id,
    });
    const { call } = await startCall(store, ana, conversation.id, { kind: 'video' }, deps());
    now = call.startedAt.getTime() + 29_999;
    expect(await missCall(store, call.id, deps())).toMatchObject({ state: 'ringing' });
    now += 1;
    expect(await missCall(store, call.id, deps())).toMatchObject({ outcome: 'missed' });
    expect(await missCall(store, call.id, deps())).toMatchObject({ outcome: 'missed' });
    expect(await missCall(store, 'call_missing', deps())).toBeNull();
    const { messages } = await store.listMessages({ conversationId: conversation.id, limit: 5 });
    expect(messages.filter((m) => m.system?.type === 'call')).toHaveLength(1);
  });
});

describe('call service: races', () => {
  it('decides again when an answer lands as the caller gives up: the call goes on', async () => {
    const [ana, ben] = people as [User, User];
    const { conversation } = await store.findOrCreateDirect({
      userIds: [ana.id, ben.id],
      createdBy: ana.id,
    });
    const { call } = await startCall(store, ana, conversation.id, { kind: 'audio' }, deps());
    // Ana's hang-up reads the call while it rings; Ben's answer is stored before it writes.
    const realGet = store.getCall.bind(store);
    let answered = false;
    store.getCall = async (input) => {
      const read = await realGet(input);
      if (!answered) {
        answered = true;
        await store.markCallAnswered({ id: call.id });
      }
      return read;
    };
    const after = await hangUpCall(store, ana, call.id, deps());
    // Ringing, Ana's hang-up meant "missed"; answered, in a 1:1 it means "completed".
    expect(after).toMatchObject({ state: 'ended', outcome: 'completed' });
  });
});
