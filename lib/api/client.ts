/**
 * The browser's way to call /api/v1: JSON in, JSON out, and every failure turned into an
 * ApiClientError carrying the server's {code, message, fields} and Retry-After.
 */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string> } };

export async function apiFetch<T>(
  path: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<T> {
  const { json, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(path, {
      ...rest,
      headers: {
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...rest.headers,
      },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch {
    throw new ApiClientError(
      0,
      'network',
      'Could not reach Parley. Check your connection and try again.',
    );
  }
  const body = (await res.json().catch(() => ({}))) as T & ErrorBody;
  if (!res.ok) {
    const retry = Number(res.headers.get('retry-after') ?? '') || undefined;
    throw new ApiClientError(
      res.status,
      body.error?.code ?? 'unknown',
      body.error?.message ?? `Request failed (${res.status}).`,
      body.error?.fields,
      retry,
    );
  }
  return body;
}
