import mongoose from 'mongoose';
import { afterAll, describe, expect, it, vi } from 'vitest';

import { storeContracts } from '@/test/contracts';

import { connect, databaseName } from './connection';
import { toConversation, toMembership } from './conversations';
import { groupReactions, toMessage } from './message-mapper';
import { reservedSeq, reserveSeqUpdate } from './seq-reservation';
import { createModels, type MessageDoc, type Models } from './models';
import { toUpload } from './uploads';
import { duplicateKeyField, literalPrefix } from './users';
import { createMongoStore } from './index';

// Compiled on a connection that never opens: schemas, casting and validation need no server.
const offline = mongoose.createConnection();
const { Conversation, Membership, Upload }: Models = createModels(offline);
afterAll(() => offline.close());

const image = {
  kind: 'image',
  name: 'cat.png',
  contentType: 'image/webp',
  size: 1234,
  width: 640,
  height: 480,
  key: 'uploads/a.webp',
  thumbKey: 'uploads/a-thumb.webp',
} as const;
const validMessage = () => ({ conversationId: 'c_1', seq: 1, authorId: 'u_1', kind: 'user' });

describe('mongo chat mappers', () => {
  const at = new Date('2025-01-02T03:04:05Z');

  it('finds the seq a conversation reserved for a send, by author and clientId', () => {
    const recentSends = [
      { authorId: 'u_a', clientId: 'c1', seq: 4 },
      { authorId: 'u_b', clientId: 'c1', seq: 5 },
    ];
    expect(reservedSeq({ recentSends }, 'u_b', 'c1')).toBe(5);
    expect(reservedSeq({ recentSends }, 'u_a', 'c2')).toBeNull();
    expect(reservedSeq({}, 'u_a', 'c1')).toBeNull();
  });

  it('reserves seqs with user values as literals, never as field paths', () => {
    // Every string in the pipeline outside a $literal: field paths and operators only.
    const bare = (value: unknown): string[] => {
      if (typeof value === 'string') return [value];
      if (Array.isArray(value)) return value.flatMap(bare);
      if (value === null || typeof value !== 'object' || value instanceof Date) return [];
      return Object.entries(value).flatMap(([k, v]) => (k === '$literal' ? [] : bare(v)));
    };
    const pipeline = reserveSeqUpdate('$evil', '$$ROOT', new Date());
    expect(bare(pipeline)).not.toContain('$evil');
    expect(bare(pipeline)).not.toContain('$$ROOT');
    expect(JSON.stringify(pipeline)).toContain('{"$literal":"$$ROOT"}');
    // A conversation without sends yet has no field; the remembered sends are capped.
    expect(JSON.stringify(pipeline)).toContain('{"$ifNull":["$recentSends",[]]}');
    expect(JSON.stringify(pipeline)).toContain(',-50]}');
    // The scratch field never reaches the stored document.
    expect(pipeline.at(-1)).toEqual({ $unset: '_known' });
  });

  it('hands the seq pipeline to the driver as it is (mongoose casts no pipeline)', async () => {
    const driver = vi
      .spyOn(Conversation.collection, 'findOneAndUpdate')
      .mockResolvedValue({ _id: 'c_1', lastSeq: 1 } as never);
    const pipeline = reserveSeqUpdate('u_1', 'client-1', new Date(0));
    await Conversation.findOneAndUpdate({ _id: 'c_1' }, pipeline, { returnDocument: 'after' });
    expect(driver).toHaveBeenCalledWith(
      { _id: 'c_1' },
      reserveSeqUpdate('u_1', 'client-1', new Date(0)),
      expect.objectContaining({ returnDocument: 'after' }),
    );
    driver.mockRestore();
  });

  it('groups reactions by emoji, ordered by their earliest standing reaction', () => {
    const e = (emoji: string, userId: string) => ({ emoji, userId });
    expect(groupReactions([])).toEqual([]);
    expect(
      groupReactions([e('👍', 'u_a'), e('❤️', 'u_b'), e('👍', 'u_c'), e('👍', 'u_a')]),
    ).toEqual([
      { emoji: '👍', userIds: ['u_a', 'u_c'] },
      { emoji: '❤️', userIds: ['u_b'] },
    ]);
    // u_a took back the first 👍: ❤️ is now the older reaction.
    expect(groupReactions([e('❤️', 'u_b'), e('👍', 'u_c')])[0]?.emoji).toBe('❤️');
  });

  it('maps documents to records with null, never undefined, for missing optional values', () => {
    const message = toMessage({
      _id: 'm_1',
      conversationId: 'c_1',
      seq: 3,
      kind: 'system',
      system: { type: 'conversation.renamed', actorId: 'u_1', name: 'N', extra: 1 },
      attachments: [{ id: 'up_1', ...image, _id: 'x' }],
      createdAt: at,
    } as unknown as MessageDoc);
    expect(message).toEqual({
      id: 'm_1',
      conversationId: 'c_1',
      seq: 3,
      authorId: null,
      kind: 'system',
      body: '',
      clientId: null,
      replyToId: null,
      attachments: [{ id: 'up_1', ...image }],
      mentions: [],
      reactions: [],
      system: { type: 'conversation.renamed', actorId: 'u_1', name: 'N' },
      threadRootId: null,
      alsoInConversation: false,
      thread: null,
      createdAt: at,
      editedAt: null,
      deletedAt: null,
    });
    expect(() =>
      toMessage({
        ...validMessage(),
        _id: 'm_2',
        system: { type: 'nope' },
      } as unknown as MessageDoc),
    ).toThrow();

    const conversation = new Conversation({ kind: 'group', name: 'G', createdBy: 'u_1' });
    expect(toConversation(conversation.toObject())).toEqual({
      id: conversation._id,
      kind: 'group',
      name: 'G',
      createdBy: 'u_1',
      lastSeq: 0,
      lastActivityAt: conversation.lastActivityAt,
      createdAt: conversation.createdAt,
    });
    const membership = new Membership({ conversationId: 'c_1', userId: 'u_1', role: 'owner' });
    expect(toMembership(membership.toObject())).toEqual({
      conversationId: 'c_1',
      userId: 'u_1',
      role: 'owner',
      lastReadSeq: 0,
      muted: false,
      joinedAt: membership.joinedAt,
    });
    const upload = new Upload({ userId: 'u_1', ...image });
    expect(toUpload(upload.toObject())).toEqual({
      id: upload._id,
      ...image,
      userId: 'u_1',
      conversationId: null,
      messageId: null,
      createdAt: upload.createdAt,
    });
  });
});

describe('mongo helpers', () => {
  it('matches search text literally, as a prefix', () => {
    const re = literalPrefix('a.b*(c)[d]$^\\e%_');
    expect(re.test('a.b*(c)[d]$^\\e%_ and more')).toBe(true);
    expect(re.test('axb*(c)[d]$^\\e%_')).toBe(false);
    expect(re.test('x a.b*(c)[d]$^\\e%_')).toBe(false);
    expect(literalPrefix('').test('anything')).toBe(true);
  });

  it('recognises duplicate-key errors and the field they are about', () => {
    expect(duplicateKeyField({ code: 11000, keyPattern: { email: 1 } })).toBe('email');
    expect(duplicateKeyField({ code: 11000, keyValue: { tokenHash: 'h' } })).toBe('tokenHash');
    expect(
      duplicateKeyField({
        code: 11000,
        message: 'E11000 duplicate key error collection: parley.users index: email_1 dup key: …',
      }),
    ).toBe('email');
    expect(duplicateKeyField({ code: 11000 })).toBe('');
    expect(duplicateKeyField(new Error('other'))).toBeNull();
    expect(duplicateKeyField({ code: 121 })).toBeNull();
  });
});

describe('databaseName', () => {
  it('prefers an explicit name', () => {
    expect(databaseName({ explicit: 'custom', vercelEnv: 'preview', branch: 'x' })).toBe('custom');
  });

  it('gives each preview branch its own database', () => {
    expect(databaseName({ vercelEnv: 'preview', branch: 'feature/Add-Login' })).toBe(
      'parley-preview-feature-add-login',
    );
    expect(databaseName({ vercelEnv: 'preview', branch: '--Fix__the  bug!!--' })).toBe(
      'parley-preview-fix-the-bug',
    );
  });

  it('never falls back to production data on a preview without a branch', () => {
    expect(databaseName({ vercelEnv: 'preview' })).toBe('parley-preview');
    expect(databaseName({ vercelEnv: 'preview', branch: '///' })).toBe('parley-preview');
  });

  it('is parley in production, development and locally', () => {
    expect(databaseName({ vercelEnv: 'production', branch: 'main' })).toBe('parley');
    expect(databaseName({ vercelEnv: 'development', branch: 'main' })).toBe('parley');
    expect(databaseName({})).toBe('parley');
  });

  it('truncates long branch names to 63 characters, without a trailing dash', () => {
    const long = databaseName({ vercelEnv: 'preview', branch: `feature/${'a'.repeat(100)}` });
    expect(long).toHaveLength(63);
    expect(long).toMatch(/^parley-preview-feature-a+$/);
    // The cut falls right after a dash here: it is trimmed rather than kept.
    const cut = databaseName({ vercelEnv: 'preview', branch: `${'b'.repeat(47)}/rest` });
    expect(cut).toBe(`parley-preview-${'b'.repeat(47)}`);
  });
});

// Against a real server only when one is configured (the GitHub mongo-contract job); skipped, and
// said so, otherwise. Each suite gets a fresh database, dropped when it closes the store.
const uri = process.env.MONGODB_URI ?? '';
describe.skipIf(!uri)('mongo adapter against MONGODB_URI', () => {
  const open = async () => {
    const dbName = `parley-test-${Math.random().toString(36).slice(2, 10)}`;
    const store = await createMongoStore({ uri, dbName });
    return {
      ...store,
      async close() {
        await (await connect({ uri, dbName })).dropDatabase();
        await store.close();
      },
    };
  };
  storeContracts('mongo', open);
});
