/**
 * Hostile input for the fuzz tests (app/api/fuzz.test.ts over the route handlers, e2e/fuzz.spec.ts
 * over HTTP): what an attacker sends to every endpoint. Every entry must answer 4xx (or 2xx),
 * never 5xx, and an API route always answers JSON.
 */

/** Raw bodies sent as application/json: malformed, wrong shapes, huge, deep, bad encodings. */
export const rawJsonBodies: { name: string; body: string | Uint8Array }[] = [
  { name: 'empty', body: '' },
  { name: 'whitespace', body: ' \n\t ' },
  { name: 'truncated object', body: '{"a":' },
  { name: 'truncated array', body: '[1,' },
  { name: 'trailing comma', body: '{"a":1,}' },
  { name: 'single quotes', body: "{'a':1}" },
  { name: 'null', body: 'null' },
  { name: 'true', body: 'true' },
  { name: 'number', body: '42' },
  { name: 'huge number', body: '1e999999' },
  { name: 'string', body: '"hello"' },
  { name: 'array', body: '[]' },
  { name: 'array of objects', body: '[{}, {"a": 1}]' },
  { name: 'empty object', body: '{}' },
  { name: 'NUL byte', body: '{"a":"\u0000"}' },
  { name: 'lone surrogate escape', body: '{"a":"\\ud800"}' },
  {
    name: 'invalid UTF-8',
    body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  },
  { name: 'UTF-16 BOM', body: new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]) },
  { name: 'deeply nested arrays', body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  { name: 'deeply nested objects', body: `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}` },
  {
    name: 'prototype keys',
    body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
  },
  {
    name: 'many keys',
    body: JSON.stringify(
      Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])),
    ),
  },
  { name: 'just under 1 MB string', body: JSON.stringify({ a: 'x'.repeat(1024 * 1024 - 20) }) },
  { name: 'over 1 MB', body: JSON.stringify({ a: 'x'.repeat(1024 * 1024 + 10) }) },
];

/** Values put in place of each property of a body schema: every wrong type and edge. */
export const hostileValues: { name: string; value: unknown }[] = [
  { name: 'null', value: null },
  { name: 'true', value: true },
  { name: 'zero', value: 0 },
  { name: 'negative', value: -1 },
  { name: 'fraction', value: 0.5 },
  { name: 'huge number', value: Number.MAX_SAFE_INTEGER * 4 },
  { name: 'empty string', value: '' },
  { name: 'spaces', value: '   ' },
  { name: 'long string', value: 'x'.repeat(100_000) },
  { name: 'control characters', value: 'a\u0000b\r\nc\u202ed' },
  { name: 'lone surrogate', value: '\ud800' },
  { name: 'emoji run', value: '😀'.repeat(5000) },
  { name: 'array', value: ['a', 1, null] },
  { name: 'big array', value: Array.from({ length: 10_000 }, (_, i) => i) },
  { name: 'object', value: { a: 1 } },
  { name: 'nested', value: JSON.parse(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`) as unknown },
  { name: 'date-ish', value: '2026-13-45T99:99:99Z' },
  { name: 'url-ish', value: 'javascript:alert(1)' },
];

/** Path segments put in place of each `{param}`, as sent on the wire (already percent-encoded). */
export const hostileSegments: { name: string; raw: string }[] = [
  { name: 'broken escape', raw: '%ZZ' },
  { name: 'bare percent', raw: '%' },
  { name: 'truncated escape', raw: '%E3%80' },
  { name: 'encoded lone surrogate', raw: '%ED%A0%80' },
  { name: 'overlong slash', raw: '%C0%AF' },
  { name: 'encoded NUL', raw: '%00' },
  { name: 'encoded CR LF', raw: '%0d%0a' },
  { name: 'encoded slash', raw: '..%2F..%2Fetc%2Fpasswd' },
  { name: 'dot dot', raw: '..' },
  { name: 'ideographic full stop', raw: '%E3%80%82' },
  { name: 'RTL override', raw: '%E2%80%AE' },
  { name: 'very long', raw: 'x'.repeat(8000) },
  { name: 'proto', raw: '__proto__' },
  { name: 'spaces', raw: '%20%20' },
];

/** Query values tried for each declared query parameter. */
export const hostileQueryValues = [
  '',
  ' ',
  '-1',
  '1e309',
  'NaN',
  '0x10',
  '99999999999999999999',
  'x'.repeat(10_000),
  '\u0000',
  '%',
];
