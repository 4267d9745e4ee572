import { describe, expect, it } from 'vitest';

import { badPathResponse, pathDecodes } from './path-encoding';

describe('pathDecodes', () => {
  it.each([
    '/api/v1/conversations/%ZZ',
    '/api/v1/conversations/%',
    '/api/v1/conversations/%ED%A0%80',
    '/api/v1/users/%E3%80',
    '/chats/%C0%AF',
    '/%FF',
  ])('refuses %s', (path) => {
    expect(pathDecodes(path)).toBe(false);
  });

  it.each(['/', '/api/v1/conversations/c_1', '/chats/%E3%80%82', '/a%20b/%2F', '/api/health'])(
    'accepts %s',
    (path) => {
      expect(pathDecodes(path)).toBe(true);
    },
  );
});

describe('badPathResponse', () => {
  it('is a JSON 400 in the API’s error shape', async () => {
    const res = badPathResponse();
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'bad_request', message: expect.stringContaining('percent-encoding') },
    });
  });
});
