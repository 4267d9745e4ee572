/**
 * What Parley lets leave for Sentry: the person's id and the request/trace ids, never message
 * text, email addresses, tokens or cookies. Runs as `beforeSend` (and `beforeSendTransaction`) in
 * the browser, on Node, on the edge and in the rooms, so it uses nothing runtime-specific.
 * Request bodies are dropped whole (a message body is the request body); everything else is
 * walked, and strings that look like an email, a bearer token, an API token or a JWT are masked.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const API_TOKEN = /\bplk_[A-Za-z0-9_-]{8,}/g;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
// `vars`: local variables of stack frames (runtime values), should an integration ever add them.
const SECRET_KEYS =
  /^(cookie|cookies|authorization|password|token|secret|body|data|text|email|set-cookie|x-api-key|query_string|vars)$/i;

export function scrubString(value: string): string {
  return value
    .replace(BEARER, '$1 [token]')
    .replace(JWT, '[token]')
    .replace(API_TOKEN, '[token]')
    .replace(EMAIL, '[email]');
}

function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) ? '[removed]' : scrubValue(v, depth + 1);
  }
  return out;
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;

/** Any Sentry event (error or transaction) or a breadcrumb holder: typed loosely on purpose. */
export function scrubEvent<E extends object>(event: E): E {
  const source = event as Record<string, unknown>;
  const scrubbed = scrubValue({ ...source, user: undefined, request: undefined }, 0) as Record<
    string,
    unknown
  >;
  // Only the id identifies a person; Sentry would otherwise attach the IP address and email.
  const id = record(source.user)?.id;
  if (typeof id === 'string' || typeof id === 'number') scrubbed.user = { id: String(id) };
  else delete scrubbed.user;
  const request = record(source.request);
  if (request) {
    const kept: Record<string, unknown> = {};
    if (typeof request.url === 'string') kept.url = scrubString(request.url.split('?')[0] ?? '');
    if (typeof request.method === 'string') kept.method = request.method;
    if (record(request.headers)) kept.headers = scrubValue(request.headers, 1);
    scrubbed.request = kept;
  } else {
    delete scrubbed.request;
  }
  return scrubbed as E;
}
