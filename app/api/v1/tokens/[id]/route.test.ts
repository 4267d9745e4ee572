import { describe, expect, it } from 'vitest';

import { GET as getMe } from '@/app/api/v1/me/route';
import { GET as listTokens } from '@/app/api/v1/tokens/route';
import {
  bearer,
  createApiToken,
  deleteRequest,
  expectError,
  getRequest,
  readJson,
  signUpUser,
  withCookie,
  withParams,
} from '@/test/api';

import { DELETE } from './route';

const revoke = (headers: Record<string, string>, id: string) =>
  DELETE(deleteRequest(`/tokens/${id}`, headers), withParams({ id }));
const meStatus = async (token: string) => (await getMe(getRequest('/me', bearer(token)))).status;

describe('DELETE /api/v1/tokens/:id', () => {
  it('revokes the token: 200, gone from the list, and it no longer signs in', async () => {
    const account = await signUpUser();
    const { token, id } = await createApiToken(account.cookie);
    expect(await meStatus(token)).toBe(200);

    const res = await revoke(withCookie(account.cookie), id);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ ok: true });

    await expectError(await getMe(getRequest('/me', bearer(token))), 401, 'unauthorized');
    const list = await readJson<{ tokens: { id: string }[] }>(
      await listTokens(getRequest('/tokens', withCookie(account.cookie))),
    );
    expect(list.tokens.map((t) => t.id)).not.toContain(id);
  });

  it('leaves the person’s other tokens working', async () => {
    const account = await signUpUser();
    const doomed = await createApiToken(account.cookie, 'doomed');
    const kept = await createApiToken(account.cookie, 'kept');
    await revoke(withCookie(account.cookie), doomed.id);
    expect(await meStatus(kept.token)).toBe(200);
  });

  it('lets a token revoke itself', async () => {
    const account = await signUpUser();
    const { token, id } = await createApiToken(account.cookie);
    expect((await revoke(bearer(token), id)).status).toBe(200);
    expect(await meStatus(token)).toBe(401);
  });

  it('answers 404 for someone else’s token, and leaves it working', async () => {
    const owner = await signUpUser();
    const intruder = await signUpUser();
    const { token, id } = await createApiToken(owner.cookie);
    await expectError(await revoke(withCookie(intruder.cookie), id), 404, 'not_found');
    expect(await meStatus(token)).toBe(200);
  });

  it('answers 404 for an unknown id', async () => {
    const account = await signUpUser();
    await expectError(
      await revoke(withCookie(account.cookie), 'tok_doesnotexist000000'),
      404,
      'not_found',
    );
  });

  it('answers 404 for a token already revoked', async () => {
    const account = await signUpUser();
    const { id } = await createApiToken(account.cookie);
    await revoke(withCookie(account.cookie), id);
    await expectError(await revoke(withCookie(account.cookie), id), 404, 'not_found');
  });

  it('answers 400 for an id over 64 characters', async () => {
    const account = await signUpUser();
    const error = await expectError(
      await revoke(withCookie(account.cookie), 't'.repeat(65)),
      400,
      'bad_request',
    );
    expect(error.fields).toHaveProperty('id');
  });

  it('answers 401 when signed out', async () => {
    const account = await signUpUser();
    const { token, id } = await createApiToken(account.cookie);
    await expectError(await revoke({}, id), 401, 'unauthorized');
    expect(await meStatus(token)).toBe(200);
  });
});
