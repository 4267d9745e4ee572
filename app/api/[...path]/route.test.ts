import { describe, expect, it } from 'vitest';

import { DELETE, GET, POST } from './route';

describe('/api/* that no route handles', () => {
  it.each([
    ['GET', GET, '/api/v1/avatar'],
    ['POST', POST, '/api/v1/nothing/here'],
    ['DELETE', DELETE, '/api/unknown'],
  ])('answers %s %s with the API’s JSON 404', async (method, handler, path) => {
    const res = await handler(new Request(`http://parley.test${path}`, { method }));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: `There is no ${method} ${path} in the API.` },
    });
  });
});
