import { describe, expect, it } from 'vitest';

import { documentedMethods, methodNotAllowedResponse } from './allowed-methods';
import * as notTaken from './methods-not-taken';

describe('methods the API documents per path', () => {
  it('matches path templates segment by segment', () => {
    expect(documentedMethods('/api/v1/messages/m_1')?.sort()).toEqual(['DELETE', 'PATCH']);
    expect(documentedMethods('/api/v1/messages/m_1/extra')).toBeNull();
    expect(documentedMethods('/api/v1/nothing-here')).toBeNull();
  });

  it('answers a method the path does not take with the JSON 405 and Allow', async () => {
    const res = methodNotAllowedResponse('PUT', '/api/v1/conversations');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'POST']);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('method_not_allowed');
    expect(body.error.message).toContain('it takes GET, POST');
  });
});

describe('the handlers a route file re-exports for the methods it does not take', () => {
  const at = (method: string, path: string) =>
    new Request(`http://localhost:3000${path}`, { method });

  it('answers each with the JSON 405 naming what the path takes', async () => {
    for (const [method, handler] of [
      ['PUT', notTaken.PUT],
      ['DELETE', notTaken.DELETE],
      ['GET', notTaken.GET],
    ] as const) {
      const res = handler(at(method, '/api/v1/conversations/c_1/read'));
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow'), method).toBe('POST');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'method_not_allowed',
      );
    }
  });

  it('answers OPTIONS with what the path takes, HEAD along with GET', () => {
    const res = notTaken.OPTIONS(at('OPTIONS', '/api/v1/conversations'));
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual([
      'GET',
      'HEAD',
      'OPTIONS',
      'POST',
    ]);
  });
});
