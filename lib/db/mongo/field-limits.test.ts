import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';

import { FIELD_LIMITS, StoreValidationError } from '../rules';
import { conversationFunctions } from './conversations';
import { messageFunctions } from './messages';
import { createModels } from './models';
import { tokenFunctions } from './tokens';
import { userFunctions } from './users';

// On a connection that never opens: a write that reached MongoDB would wait for a server and
// fail otherwise, so these pass only if the shared rules (lib/db/rules.ts) refuse it first.
// The same cases run against a real server in the contracts (test/contracts) with MONGODB_URI.
const offline = mongoose.createConnection();
const models = createModels(offline);
afterAll(() => offline.close());

const tooLong = (field: keyof typeof FIELD_LIMITS) => 'x'.repeat(FIELD_LIMITS[field] + 1);

describe('mongo adapter field limits, checked before any query', () => {
  it('people: names, emails and status', async () => {
    const users = userFunctions(models);
    await expect(
      users.createUser({ email: 'a@example.com', name: tooLong('userName'), passwordHash: null }),
    ).rejects.toBeInstanceOf(StoreValidationError);
    await expect(
      users.createUser({ email: `${tooLong('email')}@x.io`, name: 'Ana', passwordHash: null }),
    ).rejects.toBeInstanceOf(StoreValidationError);
    await expect(
      users.updateUser({ id: 'u_1', statusText: tooLong('statusText') }),
    ).rejects.toBeInstanceOf(StoreValidationError);
  });

  it('token names, group names and message bodies', async () => {
    await expect(
      tokenFunctions(models).createApiToken({
        userId: 'u_1',
        name: tooLong('tokenName'),
        tokenHash: 'h',
      }),
    ).rejects.toBeInstanceOf(StoreValidationError);
    const conversations = conversationFunctions(models);
    await expect(
      conversations.createGroup({ name: tooLong('groupName'), ownerId: 'u_1', memberIds: [] }),
    ).rejects.toBeInstanceOf(StoreValidationError);
    await expect(
      conversations.renameConversation({ id: 'c_1', name: tooLong('groupName') }),
    ).rejects.toBeInstanceOf(StoreValidationError);
    const messages = messageFunctions(models);
    await expect(
      messages.createMessage({
        conversationId: 'c_1',
        authorId: 'u_1',
        body: tooLong('messageBody'),
      }),
    ).rejects.toBeInstanceOf(StoreValidationError);
    await expect(
      messages.editMessage({ id: 'm_1', body: tooLong('messageBody'), mentions: [] }),
    ).rejects.toBeInstanceOf(StoreValidationError);
  });
});
