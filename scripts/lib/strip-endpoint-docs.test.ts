import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { stripEndpointDocs } = require('./strip-endpoint-docs.cjs') as {
  stripEndpointDocs: (source: string) => string;
};

describe('strip-endpoint-docs (the browser build of endpoint descriptors)', () => {
  it('empties single-literal summaries and descriptions, and nothing else', () => {
    const source = [
      "  summary: 'Your conversations, with unread counts',",
      "  responses: { 200: { description: 'Conversations', schema: conversationsSchema } },",
      "  errors: { not_found: 'A person to add does not exist' },",
      "  path: '/api/v1/conversations',",
      "  summary: 'It\\'s escaped',",
      '  summary: "A person\'s avatar image",',
    ].join('\n');
    expect(stripEndpointDocs(source)).toBe(
      [
        "  summary: '',",
        "  responses: { 200: { description: '', schema: conversationsSchema } },",
        "  errors: { not_found: 'A person to add does not exist' },",
        "  path: '/api/v1/conversations',",
        "  summary: '',",
        "  summary: '',",
      ].join('\n'),
    );
  });

  it('leaves a value built from more than one literal as it is (never half a string)', () => {
    const source =
      "  description:\n    'First part ' +\n    'second part',\n  summary: `templated ${x}`,";
    expect(stripEndpointDocs(source)).toBe(source);
  });
});
