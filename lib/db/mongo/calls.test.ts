import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';

import { toCall } from './calls';
import { createModels } from './models';

// Compiled on a connection that never opens: the call schema's rules need no server. The
// adapter's queries run in the contract (test/contracts/calls.ts) when MONGODB_URI is set.
const offline = mongoose.createConnection();
const { Call } = createModels(offline);
afterAll(() => offline.close());

const ringing = () => ({
  conversationId: 'c_1',
  startedBy: 'u_1',
  kind: 'video',
  state: 'ringing',
  participants: ['u_1'],
  liveKey: 'c_1',
});

describe('mongo call schema', () => {
  it('declares the one-live-call-per-conversation index and the listing index', () => {
    const indexes = Call.schema.indexes() as [Record<string, unknown>, Record<string, unknown>][];
    expect(indexes).toContainEqual([
      { liveKey: 1 },
      expect.objectContaining({
        unique: true,
        partialFilterExpression: { liveKey: { $type: 'string' } },
      }),
    ]);
    expect(indexes).toContainEqual([{ conversationId: 1, startedAt: -1 }, expect.anything()]);
  });

  it('accepts a ringing call with a prefixed id and maps it to the store record', () => {
    const doc = new Call(ringing());
    expect(doc.validateSync()).toBeUndefined();
    expect(doc._id).toMatch(/^call_[a-z0-9]{20}$/);
    expect(toCall(doc.toObject())).toStrictEqual({
      id: doc._id,
      conversationId: 'c_1',
      startedBy: 'u_1',
      kind: 'video',
      state: 'ringing',
      outcome: null,
      participants: ['u_1'],
      declinedBy: [],
      startedAt: doc.startedAt,
      answeredAt: null,
      endedAt: null,
    });
  });

  it('accepts an ended call with an outcome and no live key', async () => {
    const doc = new Call({ ...ringing(), state: 'ended', outcome: 'missed', liveKey: undefined });
    await expect(doc.validate()).resolves.toBeUndefined();
  });

  it.each([
    ['an unknown kind', { kind: 'hologram' }, 'kind'],
    ['an unknown state', { state: 'paused' }, 'state'],
    ['an unknown outcome', { state: 'ended', outcome: 'lost', liveKey: undefined }, 'outcome'],
    ['an outcome while live', { outcome: 'completed' }, 'outcome'],
    ['no outcome once ended', { state: 'ended', liveKey: undefined }, 'outcome'],
    ['a live call without its live key', { liveKey: undefined }, 'liveKey'],
    ['a live key naming another conversation', { liveKey: 'c_2' }, 'liveKey'],
    ['no conversation', { conversationId: undefined }, 'conversationId'],
  ])('rejects a call with %s', async (_label, patch, field) => {
    // validate(), not validateSync(): the state rules live in a pre('validate') hook.
    const error: unknown = await new Call({ ...ringing(), ...patch })
      .validate()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(mongoose.Error.ValidationError);
    expect((error as mongoose.Error.ValidationError).errors[field]).toBeDefined();
  });
});
