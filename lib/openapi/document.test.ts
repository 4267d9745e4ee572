import { describe, expect, it } from 'vitest';

import { buildOpenApiDocument } from './document';

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument();

  it('is OpenAPI 3.1 and lists every /api/v1 route once per method', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/signup',
        '/api/v1/me',
        '/api/v1/me/avatar',
        '/api/v1/users',
        '/api/v1/tokens',
        '/api/v1/tokens/{id}',
        '/api/v1/realtime/token',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/me'] ?? {})).toEqual(['get', 'patch']);
  });

  it('derives request bodies from the route schemas', () => {
    const signup = doc.paths['/api/v1/auth/signup']?.post as {
      requestBody: {
        content: Record<
          string,
          {
            schema: {
              properties: Record<string, { minLength?: number; maxLength?: number }>;
              required: string[];
            };
          }
        >;
      };
    };
    const body = signup.requestBody.content['application/json']!.schema;
    expect(body.required).toEqual(['email', 'password', 'name']);
    expect(body.properties.password).toMatchObject({ minLength: 8, maxLength: 128 });
  });

  it('documents query parameters and path parameters', () => {
    const users = doc.paths['/api/v1/users']?.get as { parameters: { name: string; in: string }[] };
    expect(users.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      'query:query',
      'query:cursor',
      'query:limit',
    ]);
    const revoke = doc.paths['/api/v1/tokens/{id}']?.delete as {
      parameters: { name: string; in: string }[];
    };
    expect(revoke.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
  });

  it('marks sign-up and sign-in as needing no credentials', () => {
    expect((doc.paths['/api/v1/auth/signin']?.post as { security?: unknown[] }).security).toEqual(
      [],
    );
    expect((doc.paths['/api/v1/me']?.get as { security?: unknown[] }).security).toBeUndefined();
  });
});

describe('OpenAPI document from the endpoint descriptors', () => {
  const doc = buildOpenApiDocument();
  type Op = {
    operationId: string;
    responses: Record<string, { description: string }>;
    'x-rate-limit'?: { limit: number; windowSeconds: number };
  };
  const op = (path: string, method: string) => doc.paths[path]?.[method] as Op;

  it('names every operation', () => {
    expect(op('/api/v1/conversations/{id}/messages', 'post').operationId).toBe('sendMessage');
    expect(op('/api/v1/me', 'get').operationId).toBe('getMe');
  });

  it('derives error answers from the shape and adds the declared ones', () => {
    const send = op('/api/v1/conversations/{id}/messages', 'post');
    expect(Object.keys(send.responses).sort()).toEqual(
      ['200', '201', '400', '401', '403', '404', '409', '413', '415', '422', '429', '500'].sort(),
    );
    // A signed-in write: a cookie from another origin is refused.
    expect(send.responses['403']?.description).toMatch(/another origin/);
    expect(send['x-rate-limit']).toEqual({ limit: 20, windowSeconds: 10 });
    const edit = op('/api/v1/messages/{id}', 'patch');
    expect(edit.responses['409']?.description).toBe('The message was deleted');
    expect(edit.responses['403']?.description).toBe('Not your message');
    // No body, no params, no rate limit: only who is calling can go wrong.
    expect(Object.keys(op('/api/v1/conversations', 'get').responses).sort()).toEqual([
      '200',
      '401',
      '500',
    ]);
  });
});
