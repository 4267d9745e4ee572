import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { createModels, type Models } from './models';

// Compiled on a connection that never opens: schemas, casting and validation need no server.
const offline = mongoose.createConnection();
const { User, Account, ApiToken, Conversation, Membership, Message, Upload }: Models =
  createModels(offline);
afterAll(() => offline.close());

type IndexSpec = [Record<string, unknown>, Record<string, unknown>];
const indexes = (model: { schema: { indexes(): unknown[] } }) =>
  model.schema.indexes() as IndexSpec[];

const validUser = () => ({ email: 'ana@example.com', name: 'Ana', nameLower: 'ana' });

describe('mongo schemas', () => {
  it('declares the unique and search indexes', () => {
    expect(indexes(User)).toContainEqual([{ email: 1 }, expect.objectContaining({ unique: true })]);
    expect(indexes(User)).toContainEqual([{ nameLower: 1, _id: 1 }, expect.anything()]);
    expect(indexes(Account)).toContainEqual([
      { provider: 1, providerAccountId: 1 },
      expect.objectContaining({ unique: true }),
    ]);
    expect(indexes(Account)).toContainEqual([{ userId: 1 }, expect.anything()]);
    expect(indexes(ApiToken)).toContainEqual([
      { tokenHash: 1 },
      expect.objectContaining({ unique: true }),
    ]);
    expect(indexes(ApiToken)).toContainEqual([{ userId: 1, createdAt: -1 }, expect.anything()]);
  });

  it('accepts a valid user, with prefixed string ids, defaults and a normalised email', () => {
    const user = new User({ ...validUser(), email: '  Ana@Example.COM ', name: 'Ana López' });
    expect(user.validateSync()).toBeUndefined();
    expect(user._id).toMatch(/^u_[a-z0-9]{20}$/);
    expect(user.email).toBe('ana@example.com');
    expect(user).toMatchObject({
      statusText: null,
      avatarKey: null,
      passwordHash: null,
      emailVerified: false,
      sessionVersion: 0,
    });
    expect(user.createdAt).toBeInstanceOf(Date);
  });

  it('derives nameLower from the name, and keeps it in step when a document is saved', async () => {
    const user = new User({ email: 'b@example.com', name: 'ÁBC' });
    expect(user.validateSync()).toBeUndefined();
    expect(user.nameLower).toBe('ábc');
    user.name = 'Zoë';
    await user.validate(); // what save() runs first
    expect(user.nameLower).toBe('zoë');
  });

  it.each([
    ['a missing email', { email: undefined }, 'email'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['an email with spaces inside', { email: 'a b@example.com' }, 'email'],
    ['a missing name', { name: undefined }, 'name'],
    ['an empty name', { name: '' }, 'name'],
    ['a name over 80 characters', { name: 'x'.repeat(81) }, 'name'],
    ['a status over 140 characters', { statusText: 'x'.repeat(141) }, 'statusText'],
    ['a negative session version', { sessionVersion: -1 }, 'sessionVersion'],
  ])('rejects a user with %s', (_, patch, field) => {
    const error = new User({ ...validUser(), ...patch }).validateSync();
    expect(error?.errors[field]).toBeDefined();
  });

  it('accepts limits exactly', () => {
    const user = new User({ ...validUser(), name: 'x'.repeat(80), statusText: 'y'.repeat(140) });
    expect(user.validateSync()).toBeUndefined();
  });

  it('validates accounts and tokens', () => {
    expect(
      new Account({ provider: 'github', providerAccountId: '42', userId: 'u_1' }).validateSync(),
    ).toBeUndefined();
    expect(new Account({ provider: 'github' }).validateSync()?.errors).toHaveProperty(
      'providerAccountId',
    );

    const token = new ApiToken({ userId: 'u_1', name: 'ci', tokenHash: 'h' });
    expect(token.validateSync()).toBeUndefined();
    expect(token._id).toMatch(/^tok_[a-z0-9]{20}$/);
    expect(token.lastUsedAt).toBeNull();
    const bad = new ApiToken({ userId: 'u_1', name: 'x'.repeat(61) }).validateSync();
    expect(Object.keys(bad?.errors ?? {}).sort()).toEqual(['name', 'tokenHash']);
  });
});

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
/** The fields `validate()` (what save() runs, pre('validate') hooks included) rejects. */
const errorsOf = (doc: { validate(): Promise<void> }) =>
  doc.validate().then(
    () => [],
    (error: { errors?: object }) => Object.keys(error.errors ?? {}).sort(),
  );

describe('mongo chat schemas', () => {
  it('declares the indexes the chat semantics rely on', () => {
    // One direct conversation per pair; groups (no key) never collide, as a sparse index would
    // let explicit nulls do.
    expect(indexes(Conversation)).toEqual([
      [
        { directKey: 1 },
        expect.objectContaining({
          unique: true,
          partialFilterExpression: { directKey: { $type: 'string' } },
        }),
      ],
    ]);
    expect(indexes(Membership)).toEqual([
      [{ conversationId: 1, userId: 1 }, expect.objectContaining({ unique: true })],
      [{ userId: 1 }, expect.not.objectContaining({ unique: true })],
    ]);
    // Gap-free seqs cannot repeat; a retried send (same clientId) collides with the first, and
    // messages without an author or a clientId (system ones) never do.
    expect(indexes(Message)).toEqual([
      [{ conversationId: 1, seq: 1 }, expect.objectContaining({ unique: true })],
      [
        { conversationId: 1, authorId: 1, clientId: 1 },
        expect.objectContaining({
          unique: true,
          partialFilterExpression: {
            authorId: { $type: 'string' },
            clientId: { $type: 'string' },
          },
        }),
      ],
      // A thread's replies in seq order; messages outside threads stay out of the index.
      [
        { threadRootId: 1, seq: 1 },
        expect.objectContaining({
          partialFilterExpression: { threadRootId: { $type: 'string' } },
        }),
      ],
      // The outbox sweeper finds only messages with follow-up jobs still to relay.
      [
        { outboxAt: 1 },
        expect.objectContaining({ partialFilterExpression: { outboxAt: { $type: 'date' } } }),
      ],
      // Search: the folded words' text index (no language rules), and newest first per
      // conversation (lib/db/mongo/search.ts).
      [
        { searchWords: 'text' },
        expect.objectContaining({ default_language: 'none', name: 'message_search' }),
      ],
      [{ conversationId: 1, createdAt: -1, _id: -1 }, expect.anything()],
    ]);
    expect(indexes(Upload)).toEqual([]);
  });

  it('accepts a direct conversation and a group, with prefixed ids and defaults', async () => {
    const direct = new Conversation({ kind: 'direct', directKey: 'u_a:u_b', createdBy: 'u_a' });
    expect(await errorsOf(direct)).toEqual([]);
    expect(direct._id).toMatch(/^c_[a-z0-9]{20}$/);
    expect(direct).toMatchObject({ name: null, lastSeq: 0 });
    expect(direct.lastActivityAt).toBeInstanceOf(Date);
    expect(direct.createdAt).toBeInstanceOf(Date);
    const group = new Conversation({ kind: 'group', name: 'x'.repeat(80), createdBy: 'u_a' });
    expect(await errorsOf(group)).toEqual([]);
    expect(group.directKey).toBeUndefined();
    expect(group.toObject()).not.toHaveProperty('recentSends');
  });

  it.each([
    ['an unknown kind', { kind: 'channel', name: 'n' }, ['kind']],
    ['a group without a name', { kind: 'group' }, ['name']],
    ['a group with an empty name', { kind: 'group', name: '' }, ['name']],
    ['a group name over 80 characters', { kind: 'group', name: 'x'.repeat(81) }, ['name']],
    ['a group with a direct key', { kind: 'group', name: 'n', directKey: 'a:b' }, ['directKey']],
    ['a direct conversation without its key', { kind: 'direct' }, ['directKey']],
    ['a negative lastSeq', { kind: 'group', name: 'n', lastSeq: -1 }, ['lastSeq']],
    ['no creator', { kind: 'group', name: 'n', createdBy: undefined }, ['createdBy']],
  ])('rejects a conversation with %s', async (_, patch, fields) => {
    expect(await errorsOf(new Conversation({ createdBy: 'u_a', ...patch }))).toEqual(fields);
  });

  it('validates memberships', async () => {
    const membership = new Membership({ conversationId: 'c_1', userId: 'u_1' });
    expect(await errorsOf(membership)).toEqual([]);
    expect(membership).toMatchObject({ role: 'member', lastReadSeq: 0, muted: false });
    expect(membership.joinedAt).toBeInstanceOf(Date);
    expect(await errorsOf(new Membership({ role: 'guest', lastReadSeq: -1 }))).toEqual([
      'conversationId',
      'lastReadSeq',
      'role',
      'userId',
    ]);
  });

  it('accepts a user message, with prefixed ids and defaults', async () => {
    const message = new Message({ ...validMessage(), body: 'x'.repeat(4000), clientId: 'abc' });
    expect(await errorsOf(message)).toEqual([]);
    expect(message._id).toMatch(/^m_[a-z0-9]{20}$/);
    expect(message.toObject()).toMatchObject({
      replyToId: null,
      attachments: [],
      mentions: [],
      reactions: [],
      system: null,
      editedAt: null,
      deletedAt: null,
    });
  });

  it('accepts a system message whose event parses, and attachments with every field', async () => {
    const system = { type: 'member.added', actorId: 'u_1', userIds: ['u_2'] };
    const message = new Message({ ...validMessage(), authorId: null, kind: 'system', system });
    expect(await errorsOf(message)).toEqual([]);
    const withImage = new Message({ ...validMessage(), attachments: [{ id: 'up_1', ...image }] });
    expect(await errorsOf(withImage)).toEqual([]);
    expect(withImage.toObject().attachments).toEqual([{ id: 'up_1', ...image }]);
  });

  it.each([
    ['no conversation', { conversationId: undefined }, ['conversationId']],
    ['a seq below 1', { seq: 0 }, ['seq']],
    ['an unknown kind', { kind: 'bot' }, ['kind']],
    ['a body over 4000 characters', { body: 'x'.repeat(4001) }, ['body']],
    [
      'a system event on a user message',
      { system: { type: 'conversation.created', actorId: 'u' } },
      ['system'],
    ],
    ['a system message without its event', { kind: 'system' }, ['system']],
    ['a malformed system event', { kind: 'system', system: { type: 'member.added' } }, ['system']],
    [
      'an attachment missing fields',
      { attachments: [{ id: 'up_1', kind: 'image' }] },
      [
        'attachments.0.contentType',
        'attachments.0.height',
        'attachments.0.key',
        'attachments.0.name',
        'attachments.0.size',
        'attachments.0.thumbKey',
        'attachments.0.width',
      ],
    ],
    ['a reaction without its emoji', { reactions: [{ userId: 'u_1' }] }, ['reactions.0.emoji']],
  ])('rejects a message with %s', async (_, patch, fields) => {
    expect(await errorsOf(new Message({ ...validMessage(), ...patch }))).toEqual(fields);
  });

  it('validates a message before its seq is known (createMessage takes one only then)', async () => {
    const message = new Message({ ...validMessage(), seq: undefined });
    await expect(message.validate({ pathsToSkip: ['seq'] })).resolves.toBeUndefined();
    expect(await errorsOf(message)).toEqual(['seq']);
  });

  it('validates uploads', async () => {
    const upload = new Upload({ userId: 'u_1', ...image });
    expect(await errorsOf(upload)).toEqual([]);
    expect(upload._id).toMatch(/^up_[a-z0-9]{20}$/);
    expect(upload).toMatchObject({ conversationId: null, messageId: null });
    expect(await errorsOf(new Upload({ ...image, kind: 'video', size: -1 }))).toEqual([
      'kind',
      'size',
      'userId',
    ]);
  });

  it('casts the reaction filters and updates setReaction sends', () => {
    const entry = { emoji: '👍', userId: 'u_1' };
    const filter = Message.find({ _id: 'm_1', reactions: { $not: { $elemMatch: entry } } });
    expect(filter.cast()).toEqual({ _id: 'm_1', reactions: { $not: { $elemMatch: entry } } });
  });
});
