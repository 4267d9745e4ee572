import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import type { EndpointSpec } from '@/lib/api/endpoint';

import { buildOpenApiDocument } from './document';
import * as notTaken from './methods-not-taken';

const root = path.resolve(__dirname, '../..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** Every route.ts under a folder, as paths relative to the repository. */
function routeFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(rel);
    return entry.name === 'route.ts' ? [rel] : [];
  });
}

/** `app/api/v1/messages/[id]/route.ts` → `/api/v1/messages/{id}`. */
const apiPathOf = (file: string) =>
  '/' +
  path.posix
    .dirname(file)
    .replace(/^app\//, '')
    .replace(/\[(\w+)\]/g, '{$1}');

type RouteHandler = { endpoint?: EndpointSpec };
type Route = { file: string; path: string; method: string; handler: RouteHandler };

describe('every /api/v1 route is in the OpenAPI document, and nothing else is', () => {
  const doc = buildOpenApiDocument();
  const routes: Route[] = [];
  const withoutRefusals: string[] = [];
  const shared = new Set<unknown>(Object.values(notTaken));

  beforeAll(async () => {
    for (const file of routeFiles('app/api/v1')) {
      const mod = (await import(path.join(root, file))) as Record<string, unknown>;
      // A method the file does not take is lib/openapi/methods-not-taken.ts's JSON 405.
      if (METHODS.some((m) => m !== 'HEAD' && typeof mod[m] !== 'function'))
        withoutRefusals.push(file);
      for (const method of METHODS) {
        const handler = mod[method];
        if (typeof handler === 'function' && !shared.has(handler))
          routes.push({ file, path: apiPathOf(file), method, handler: handler as RouteHandler });
      }
    }
  });

  it('finds the route files', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(apiPathOf('app/api/v1/conversations/[id]/members/[userId]/route.ts')).toBe(
      '/api/v1/conversations/{id}/members/{userId}',
    );
  });

  it('answers the methods a route file does not take with the JSON 405 (export * from methods-not-taken)', () => {
    expect(withoutRefusals).toEqual([]);
  });

  it('documents each route file’s methods, built from the descriptor of that path and method', () => {
    const problems: string[] = [];
    for (const route of routes) {
      const where = `${route.method} ${route.path} (${route.file})`;
      if (!doc.paths[route.path]?.[route.method.toLowerCase()])
        problems.push(`${where} is not in the document`);
      const endpoint = route.handler.endpoint;
      if (!endpoint) problems.push(`${where} is not built with handle(descriptor, …)`);
      else if (endpoint.method !== route.method || endpoint.path !== route.path)
        problems.push(`${where} is built from ${endpoint.method} ${endpoint.path}`);
    }
    expect(problems).toEqual([]);
  });

  it('has a route for each documented /api/v1 operation', () => {
    const served = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const missing = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/v1/'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .filter((op) => !served.has(op));
    expect(missing).toEqual([]);
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).map((op) => (op as { operationId: string }).operationId),
    );
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
