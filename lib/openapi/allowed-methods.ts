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
 * also counts `/users/{id}`'s), or null when it matches none.
 */
export function documentedMethods(pathname: string): string[] | null {
  const methods = new Set(templates.filter((t) => t.pattern.test(pathname)).map((t) => t.method));
  return methods.size > 0 ? [...methods] : null;
}

/** The API's JSON 405 for a method `pathname` does not take, with `Allow`. */
export function methodNotAllowedResponse(method: string, pathname: string): Response {
  const allowed = documentedMethods(pathname) ?? [];
  const takes = allowed.length > 0 ? `; it takes ${allowed.join(', ')}` : '';
  return Response.json(
    {
      error: {
        code: 'method_not_allowed',
        message: `${pathname} does not take ${method}${takes}.`,
      },
    },
    { status: 405, headers: { allow: allowed.join(', '), 'cache-control': 'no-store' } },
  );
}
