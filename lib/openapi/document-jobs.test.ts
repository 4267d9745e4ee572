import { describe, expect, it } from 'vitest';

import { buildOpenApiDocument } from './document';

describe('OpenAPI: jobs', () => {
  const doc = buildOpenApiDocument();

  it('documents the admin listing with its query and the retry with its path parameter', () => {
    const list = doc.paths['/api/v1/admin/jobs']?.get as {
      parameters: { name: string; in: string }[];
    };
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['query:state', 'query:limit']);
    const retry = doc.paths['/api/v1/admin/jobs/{id}/retry']?.post as {
      parameters: { name: string; in: string }[];
      responses: Record<string, unknown>;
    };
    expect(retry.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
    expect(Object.keys(retry.responses)).toEqual(
      expect.arrayContaining(['200', '401', '403', '404', '409']),
    );
  });
});
