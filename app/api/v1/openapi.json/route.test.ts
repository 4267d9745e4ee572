import { describe, expect, it } from 'vitest';

import { getRequest, readJson } from '@/test/api';

import { GET } from './route';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
};

describe('GET /api/v1/openapi.json', () => {
  it('serves the OpenAPI document to anyone, cacheable for five minutes', async () => {
    const res = await GET(getRequest('/openapi.json'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const doc = await readJson<Doc>(res);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/token');
  });

  it('documents the 409 that POST /auth/token gives at the token limit', async () => {
    const doc = await readJson<Doc>(await GET(getRequest('/openapi.json')));
    expect(Object.keys(doc.paths['/api/v1/auth/token']?.post?.responses ?? {})).toContain('409');
  });

  it('answers the same document on every call', async () => {
    const a = await (await GET(getRequest('/openapi.json'))).text();
    const b = await (await GET(getRequest('/openapi.json'))).text();
    expect(b).toBe(a);
  });
});
