import { z } from 'zod';

import type { ErrorCode } from './errors';

/**
 * One descriptor per endpoint: the route handler (`handle()`), the OpenAPI document
 * (`lib/openapi`) and the browser client (`callEndpoint()`) are all built from it, so they cannot
 * disagree. Descriptor modules hold schemas only (no server imports): the browser imports them.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** Statuses an endpoint answers with a body of its own (503: a health report that failed). */
export type AnswerStatus = 200 | 201 | 204 | 303 | 503;

export type ResponseSpec = {
  description: string;
  /** The JSON body; absent for binary answers (images), which the client cannot call for. */
  schema?: z.ZodType;
  /** For documentation when the answer is not JSON, e.g. `image/webp`. */
  contentType?: string;
};

/** Hits per window per person, counted by `handle()` before the handler runs (429 past it). */
export type EndpointRateLimit = {
  name: string;
  rule: { limit: number; windowMs: number };
  /** What is counted, for the 429 message: "Too many <what>". */
  what: string;
};

export type EndpointSpec = {
  /** Unique, camelCase: the OpenAPI operationId. */
  operationId: string;
  method: HttpMethod;
  /** The full path with `{name}` for path parameters, e.g. `/api/v1/messages/{id}`. */
  path: `/api/${string}`;
  summary: string;
  tag: string;
  /** `session-or-token`: the session cookie or `Authorization: Bearer <API token>`, else 401. */
  auth: 'none' | 'session-or-token';
  params?: z.ZodType<Record<string, unknown>>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A multipart/form-data upload: one file field (the handler reads it with its size limit). */
  multipart?: { field: string; description: string };
  responses: Partial<Record<AnswerStatus, ResponseSpec>>;
  rateLimit?: EndpointRateLimit;
  /**
   * Domain errors this endpoint can answer, beyond the ones its shape implies (bad body → 400/
   * 413/415/422, query or params → 400, path parameters → 404, auth → 401, rate limit → 429).
   * The text says when, for the document.
   */
  errors?: Partial<Record<ErrorCode, string>>;
};

/** Keeps the literal types (method, path, statuses) that `handle()` and the client rely on. */
export function defineEndpoint<const E extends EndpointSpec>(endpoint: E): E {
  return endpoint;
}

/** `{error: {code, message, fields?}}`: what every failure answers. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code, e.g. validation_failed'),
    message: z.string().describe('What went wrong and what to do next'),
    fields: z.record(z.string(), z.string()).optional().describe('Per-field messages for 422s'),
  }),
});

export type EndpointErrorSpec = { code: ErrorCode; description: string };

const derivedReasons: Partial<Record<ErrorCode, string>> = {
  bad_request: 'Malformed request (bad JSON, query or path)',
  unauthorized: 'Not signed in: send the session cookie or Authorization: Bearer <token>',
  not_found: 'Not found (or not yours to see)',
  payload_too_large: 'Body too large',
  unsupported_media_type: 'Wrong content type',
  validation_failed: 'Validation failed; see error.fields',
  rate_limited: 'Rate limited; see Retry-After',
};

/**
 * Every error the endpoint may answer: derived from its shape, then its declared ones (whose
 * text wins). The route checks its answers against this list outside production, so the
 * document stays true.
 */
export function endpointErrors(endpoint: EndpointSpec): EndpointErrorSpec[] {
  const codes = new Set<ErrorCode>();
  const hasBody = endpoint.body !== undefined || endpoint.multipart !== undefined;
  if (hasBody || endpoint.query || endpoint.params) codes.add('bad_request');
  if (endpoint.auth !== 'none') codes.add('unauthorized');
  if (endpoint.params) codes.add('not_found');
  if (hasBody) {
    codes.add('payload_too_large');
    codes.add('unsupported_media_type');
    codes.add('validation_failed');
  }
  if (endpoint.rateLimit) codes.add('rate_limited');
  for (const code of Object.keys(endpoint.errors ?? {}) as ErrorCode[]) codes.add(code);
  return [...codes].map((code) => ({
    code,
    description: endpoint.errors?.[code] ?? derivedReasons[code] ?? code,
  }));
}

/** `/api/v1/messages/{id}` with `{id: 'm 1'}` → `/api/v1/messages/m%201`. */
export function endpointPath(
  path: string,
  params: Record<string, string | number | undefined> = {},
): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

// --- types the route wrapper and the client derive from a descriptor ---

type Field<E, K extends string> = E extends { [k in K]: infer S } ? S : undefined;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type Input<S> = S extends z.ZodType ? z.input<S> : undefined;

export type EndpointParams<E> = Parsed<Field<E, 'params'>>;
export type EndpointQuery<E> = Parsed<Field<E, 'query'>>;
export type EndpointBody<E> = Parsed<Field<E, 'body'>>;

type Responses<E> = E extends { responses: infer R } ? R : never;
type BodyOf<R> = R extends { schema: infer S extends z.ZodType } ? z.output<S> : never;

/** What the client gets: the parsed body of any of the endpoint's success answers. */
export type EndpointResponse<E> = {
  [K in keyof Responses<E>]: BodyOf<Responses<E>[K]>;
}[keyof Responses<E>];

// Required when declared, unless every field is optional (a query of optional filters).
type Optional<T, K extends string> = [T] extends [undefined]
  ? { [k in K]?: undefined }
  : object extends T
    ? { [k in K]?: T }
    : { [k in K]: T };

/** What the client sends: path params, query and JSON body, each required when declared. */
export type EndpointInput<E> = Optional<Input<Field<E, 'params'>>, 'params'> &
  Optional<Input<Field<E, 'query'>>, 'query'> &
  Optional<Input<Field<E, 'body'>>, 'body'>;

/** `{ok: true}`: the answer of deletions and other changes with nothing more to say. */
export const okResponseSchema = z.object({ ok: z.literal(true) });
