import { describe, expect, it } from 'vitest';

import { documentedMethods, methodNotAllowedResponse } from './allowed-methods';

describe('methods the API documents per path', () => {
  it('matches path templates segment by segment', () => {
    expect(documentedMethods('/api/v1/messages/m_1')?.sort()).toEqual(['DELETE', 'PATCH']);
    expect(documentedMethods('/api/v1/messages/m_1/extra')).toBeNull();
    expect(documentedMethods('/api/v1/nothing-here')).toBeNull();
  });

  it('answers a method the path does not take with the JSON 405 and Allow', async () => {
    const res = methodNotAllowedResponse('PUT', '/api/v1/conversations');
    expect(res?.status).toBe(405);
    expect(res?.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'POST']);
    const body = (await res?.json()) as { error: { code: string } };
    expect(body.error.code).toBe('method_not_allowed');
  });

  it('leaves documented methods, HEAD, OPTIONS and unknown paths to the routes', () => {
    expect(methodNotAllowedResponse('POST', '/api/v1/conversations')).toBeNull();
    expect(methodNotAllowedResponse('HEAD', '/api/v1/conversations')).toBeNull();
    expect(methodNotAllowedResponse('OPTIONS', '/api/v1/conversations')).toBeNull();
    expect(methodNotAllowedResponse('PUT', '/api/v1/unknown')).toBeNull();
  });
});
