import { documentedEndpoints } from './registry';

/** `/api/v1/messages/{id}` → a pattern matching one path segment per parameter. */
const templates = documentedEndpoints.map((endpoint) => ({
  method: endpoint.method,
  pattern: new RegExp(
    `^${endpoint.path
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}/?$`,
  ),
}));

/**
 * The methods the API documents for a path (every documented path it matches, so `/users/me`
 * also counts `/users/{id}`'s), or null when it matches none: not an operation, so not a 405.
 */
export function documentedMethods(pathname: string): string[] | null {
  const methods = new Set(templates.filter((t) => t.pattern.test(pathname)).map((t) => t.method));
  return methods.size > 0 ? [...methods] : null;
}

/**
 * Next.js answers a method a route file does not export with an empty 405; the API's own answer
 * is its JSON error with `Allow`. HEAD and OPTIONS Next.js answers itself from what is exported.
 */
export function methodNotAllowedResponse(method: string, pathname: string): Response | null {
  if (method === 'HEAD' || method === 'OPTIONS') return null;
  const allowed = documentedMethods(pathname);
  if (!allowed || allowed.includes(method)) return null;
  return Response.json(
    {
      error: {
        code: 'method_not_allowed',
        message: `${pathname} does not take ${method}; it takes ${allowed.join(', ')}.`,
      },
    },
    { status: 405, headers: { allow: allowed.join(', '), 'cache-control': 'no-store' } },
  );
}
