import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { GET as openApiRoute } from '@/app/api/v1/openapi.json/route';
import { env } from '@/lib/env';
import { apiUrl, BASE_URL, createApiToken, signUpUser, type TestAccount } from '@/test/api';
import {
  hostileQueryValues,
  hostileSegments,
  hostileValues,
  rawJsonBodies,
} from '@/test/fuzz-corpus';

/**
 * Walks the OpenAPI document and sends every operation the corpus in test/fuzz-corpus.ts:
 * malformed and hostile bodies, wrong types in each property, hostile path segments and query
 * values, signed in, signed out and with a bearer token. No answer may be a 5xx, and every
 * failure must be the API's JSON error. (Broken percent-encoding that only Next.js's router
 * sees is e2e/fuzz.spec.ts's part.)
 */
type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type Call = { label: string; send: () => Promise<Response> };

const documentSchema = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        parameters: z.array(z.object({ name: z.string(), in: z.string() })).optional(),
        requestBody: z
          .object({ content: z.record(z.string(), z.object({ schema: z.unknown() })) })
          .optional(),
      }),
    ),
  ),
});
const propertiesSchema = z.object({ properties: z.record(z.string(), z.unknown()) });
const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** `/conversations/{id}/messages` → the route module at app/api/v1/conversations/[id]/messages. */
async function handlerFor(prefix: string, openApiPath: string, method: string) {
  const folder = openApiPath.replace(/\{(\w+)\}/g, '[$1]');
  const mod: Record<string, unknown> = await import(path.resolve(`app${prefix}${folder}/route.ts`));
  const handler = mod[method.toUpperCase()];
  if (typeof handler !== 'function') throw new Error(`no ${method} in ${prefix}${folder}`);
  return handler as Handler;
}

let cookie = '';
let token = '';
const failures: string[] = [];
let sent = 0;

/** `degradedOk`: /api/health answers 503 by design while a dependency (here PartyKit) is down. */
async function expectSafe(call: Call, degradedOk = false) {
  sent++;
  let res: Response;
  try {
    res = await call.send();
  } catch (error) {
    failures.push(`${call.label}: threw ${String(error).slice(0, 160)}`);
    return;
  }
  const text = await res.text();
  if (degradedOk && res.status === 503 && text.includes('"degraded"')) return;
  if (res.status >= 500) failures.push(`${call.label}: ${res.status} ${text.slice(0, 160)}`);
  else if (res.status >= 400) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    if (!errorBodySchema.safeParse(parsed).success)
      failures.push(`${call.label}: ${res.status} without a JSON error: ${text.slice(0, 120)}`);
  }
}

function send(
  handler: Handler,
  url: string,
  init: RequestInit & { params?: Record<string, string> },
): Promise<Response> {
  const { params = {}, ...rest } = init;
  return handler(new Request(url, { ...rest, duplex: 'half' } as RequestInit), {
    params: Promise.resolve(params),
  });
}

const who = (): { name: string; headers: Record<string, string> }[] => [
  { name: 'signed out', headers: {} },
  { name: 'cookie', headers: { cookie, origin: BASE_URL } },
  { name: 'bearer', headers: { authorization: `Bearer ${token}` } },
];

beforeAll(async () => {
  const account: TestAccount = await signUpUser();
  cookie = account.cookie;
  token = (await createApiToken(account.cookie)).token;
});

describe('fuzzing every operation of the OpenAPI document', () => {
  it('answers no hostile request with a 5xx, and every API failure as a JSON error', async () => {
    const document = documentSchema.parse(
      await (await openApiRoute(new Request(apiUrl('/openapi.json')))).json(),
    );
    const operations = Object.entries(document.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path: p, method, op })),
    );
    expect(operations.length).toBeGreaterThan(30);

    for (const { path: p, method, op } of operations) {
      const handler = await handlerFor('', p, method);
      const M = method.toUpperCase();
      const pathParams = (op.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name);
      const queryParams = (op.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name);
      const params = Object.fromEntries(pathParams.map((name) => [name, 'x_1']));
      const url = `${BASE_URL}${p.replace(/\{\w+\}/g, 'x_1')}`;
      const jsonSchema = op.requestBody?.content['application/json']?.schema;
      const props = Object.keys(propertiesSchema.safeParse(jsonSchema).data?.properties ?? {});
      const label = `${M} ${p}`;

      for (const { name, headers } of who()) {
        // Hostile path segments, as Next.js hands them over (decoded).
        for (const segment of hostileSegments) {
          let decoded: string;
          try {
            decoded = decodeURIComponent(segment.raw);
          } catch {
            continue; // never reaches a handler: proxy.ts answers 400 (e2e/fuzz.spec.ts)
          }
          for (const name2 of pathParams)
            await expectSafe({
              label: `${label} [${name}] ${name2}=${segment.name}`,
              send: () =>
                send(handler, url, { method: M, headers, params: { ...params, [name2]: decoded } }),
            });
        }
        // Hostile query values.
        for (const q of queryParams)
          for (const value of hostileQueryValues)
            await expectSafe({
              label: `${label} [${name}] ?${q}=${JSON.stringify(value.slice(0, 20))}`,
              send: () =>
                send(handler, `${url}?${new URLSearchParams({ [q]: value })}&${q}=again`, {
                  method: M,
                  headers,
                  params,
                }),
            });
        if (M === 'GET' || M === 'HEAD') continue;
        // Malformed and hostile raw bodies, and the wrong content types.
        for (const body of rawJsonBodies)
          await expectSafe({
            label: `${label} [${name}] body ${body.name}`,
            send: () =>
              send(handler, url, {
                method: M,
                headers: { ...headers, 'content-type': 'application/json' },
                body: body.body as BodyInit,
                params,
              }),
          });
        for (const type of [
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=utf-16',
        ])
          await expectSafe({
            label: `${label} [${name}] content-type ${type}`,
            send: () =>
              send(handler, url, {
                method: M,
                headers: { ...headers, 'content-type': type },
                body: '--x\r\n{"a":1}',
                params,
              }),
          });
        // Each property of the body schema with every wrong type (signed in only: the body is
        // checked first either way).
        if (name === 'signed out') continue;
        for (const prop of props)
          for (const value of hostileValues)
            await expectSafe({
              label: `${label} [${name}] ${prop}=${value.name}`,
              send: () =>
                send(handler, url, {
                  method: M,
                  headers: { ...headers, 'content-type': 'application/json' },
                  body: JSON.stringify({ [prop]: value.value }),
                  params,
                }),
            });
      }
    }
    console.log(
      `fuzz: ${sent} requests over ${operations.length} operations, ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('fuzzing the routes the OpenAPI document does not list', () => {
  const routes: { prefix: string; path: string; methods: string[]; params?: string[] }[] = [
    { prefix: '/api', path: '/health', methods: ['get'] },
    { prefix: '/api', path: '/email/unsubscribe', methods: ['post'] },
    { prefix: '/api', path: '/jobs', methods: ['get'] },
    { prefix: '/api', path: '/jobs/{name}', methods: ['post'], params: ['name'] },
    { prefix: '/api', path: '/jobs/retry/{id}', methods: ['post'], params: ['id'] },
  ];

  it('answers no hostile request with a 5xx, and every failure as a JSON error', async () => {
    const jobsSecret = { authorization: `Bearer ${env.JOBS_SECRET}` };
    let count = 0;
    for (const route of routes)
      for (const method of route.methods) {
        const handler = await handlerFor(route.prefix, route.path, method);
        const M = method.toUpperCase();
        for (const headers of [{}, jobsSecret, { authorization: 'Bearer wrong' }]) {
          const names = route.path.includes('{name}')
            ? [
                'notify-message',
                'email-digest',
                'assistant-reply',
                'nope',
                '__proto__',
                'retry',
                '',
              ]
            : ['x_1'];
          for (const name of names) {
            const params = Object.fromEntries((route.params ?? []).map((k) => [k, name]));
            const url = `${BASE_URL}${route.prefix}${route.path.replace(/\{\w+\}/g, encodeURIComponent(name))}`;
            for (const q of hostileQueryValues)
              await expectSafe(
                {
                  label: `${M} ${route.path} ?token=${q.slice(0, 12)}`,
                  send: () =>
                    send(handler, `${url}?${new URLSearchParams({ token: q })}`, {
                      method: M,
                      headers,
                      params,
                    }),
                },
                route.path === '/health',
              );
            if (M !== 'POST') continue;
            const bodies = [
              ...rawJsonBodies.map((b) => ({ name: b.name, body: b.body })),
              ...hostileValues.map((v) => ({
                name: `payload ${v.name}`,
                body: JSON.stringify({ payload: v.value, jobId: v.value, token: v.value }),
              })),
            ];
            for (const body of bodies) {
              count++;
              await expectSafe({
                label: `${M} ${route.path} (${name}) body ${body.name}`,
                send: () =>
                  send(handler, url, {
                    method: M,
                    headers: { ...headers, 'content-type': 'application/json' },
                    body: body.body as BodyInit,
                    params,
                  }),
              });
            }
          }
        }
      }
    console.log(
      `fuzz: ${sent} requests in all (OpenAPI operations and unlisted routes), ${failures.length} failures`,
    );
    expect(count).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 600_000);
});
