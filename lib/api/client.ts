import {
  endpointPath,
  errorBodySchema,
  type EndpointInput,
  type EndpointResponse,
  type EndpointSpec,
} from './endpoint';
import { childOf, formatTraceparent } from '@/lib/observability/trace';

import { errorStatus, type ErrorCode, type FieldErrors } from './errors';

/**
 * The browser's one way to call the API: `callEndpoint(descriptor, {params, query, body})`
 * builds the URL from the descriptor, sends JSON, and always parses the answer with the
 * descriptor's response schema. Every failure is an ApiClientError carrying `{code, message}`:
 * the server's, or `network` / `bad_response` / `aborted` for what happened on the way.
 */

export type ClientErrorCode = ErrorCode | 'network' | 'bad_response' | 'aborted' | 'unknown';

export class ApiClientError extends Error {
  override name = 'ApiClientError';

  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly fields: FieldErrors = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const NETWORK_MESSAGE = 'Could not reach Parley. Check your connection and try again.';
const BAD_RESPONSE_MESSAGE = 'Parley answered something unexpected. Reload the page.';

const isErrorCode = (code: string): code is ErrorCode => code in errorStatus;

/** `?a=1&b=x` from the query's defined values (undefined and null are left out). */
function queryString(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The URL a descriptor and its inputs name, e.g. `/api/v1/conversations/c_1/messages?after=3`. */
export function endpointUrl<E extends EndpointSpec>(endpoint: E, input: EndpointInput<E>): string {
  const { params, query } = input as { params?: Record<string, string>; query?: object };
  return endpointPath(endpoint.path, params) + queryString(query as Record<string, unknown>);
}

/**
 * Turns an answer into the endpoint's parsed response or an ApiClientError. Shared by
 * `callEndpoint` and the upload paths that need XMLHttpRequest for progress.
 */
export function readAnswer<E extends EndpointSpec>(
  endpoint: E,
  answer: { status: number; body: unknown; retryAfter?: string | null },
): EndpointResponse<E> {
  const { status, body } = answer;
  if (status >= 200 && status < 300) {
    const schema = endpoint.responses[status as keyof EndpointSpec['responses']]?.schema;
    const parsed = schema?.safeParse(body);
    if (!parsed?.success) throw new ApiClientError(status, 'bad_response', BAD_RESPONSE_MESSAGE);
    return parsed.data as EndpointResponse<E>;
  }
  const error = errorBodySchema.safeParse(body);
  const retry = Number(answer.retryAfter ?? '') || undefined;
  if (!error.success)
    throw new ApiClientError(status, 'unknown', `Request failed (${status}).`, {}, retry);
  const { code, message, fields } = error.data.error;
  throw new ApiClientError(status, isErrorCode(code) ? code : 'unknown', message, fields, retry);
}

export type CallOptions = { signal?: AbortSignal; keepalive?: boolean };

/** Calls a JSON endpoint; see the module comment. */
export async function callEndpoint<E extends EndpointSpec>(
  endpoint: E,
  ...[input, options]: object extends EndpointInput<E>
    ? [input?: EndpointInput<E>, options?: CallOptions]
    : [input: EndpointInput<E>, options?: CallOptions]
): Promise<EndpointResponse<E>> {
  const given = (input ?? {}) as EndpointInput<E>;
  const { body } = given as { body?: unknown };
  return send(
    endpoint,
    endpointUrl(endpoint, given),
    {
      method: endpoint.method,
      ...(body !== undefined
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
    },
    options,
  );
}

/** Posts a multipart form to an upload endpoint (the browser sets the boundary). */
export async function uploadToEndpoint<E extends EndpointSpec & { multipart: object }>(
  endpoint: E,
  form: FormData,
  options?: CallOptions,
): Promise<EndpointResponse<E>> {
  return send(endpoint, endpoint.path, { method: endpoint.method, body: form }, options);
}

async function send<E extends EndpointSpec>(
  endpoint: E,
  url: string,
  init: RequestInit,
  options: CallOptions = {},
): Promise<EndpointResponse<E>> {
  let res: Response;
  // Each call starts a trace (W3C traceparent) that the route, the room it publishes to and the
  // jobs it queues all continue: one id to search the logs for.
  const headers = {
    ...(init.headers as Record<string, string> | undefined),
    traceparent: formatTraceparent(childOf(null)),
  };
  try {
    res = await fetch(url, { ...init, headers, ...options });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError')
      throw new ApiClientError(0, 'aborted', 'Cancelled.');
    throw new ApiClientError(0, 'network', NETWORK_MESSAGE);
  }
  const body: unknown = await res.json().catch(() => undefined);
  return readAnswer(endpoint, {
    status: res.status,
    body,
    retryAfter: res.headers.get('retry-after'),
  });
}
