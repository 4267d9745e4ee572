import { documentedMethods, methodNotAllowedResponse } from './allowed-methods';

/**
 * Every /api/v1 route file ends with `export * from '@/lib/openapi/methods-not-taken'`. A method
 * the file exports itself wins (a module's own exports shadow the ones `export *` brings), so
 * what is left answers the API's JSON 405 with `Allow` where Next.js would answer an empty 405.
 * This was proxy.ts's job; in a route it costs nothing, where the proxy cost every API request
 * Next.js's middleware pass (about 0.3 ms of CPU each, `bench:messages`).
 * lib/openapi/routes.test.ts checks that every route file re-exports it.
 */
function notTaken(req: Request): Response {
  return methodNotAllowedResponse(req.method, new URL(req.url).pathname);
}

/**
 * OPTIONS lists what the path takes. (Next.js would list what the file exports, and with the
 * handlers here that is every method.)
 */
export function OPTIONS(req: Request): Response {
  const allowed = documentedMethods(new URL(req.url).pathname) ?? [];
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
  return new Response(null, { status: 204, headers: { allow: allow.join(', ') } });
}

export {
  notTaken as DELETE,
  notTaken as GET,
  notTaken as PATCH,
  notTaken as POST,
  notTaken as PUT,
};
