// A tiny client for Parley's REST API (/api/v1) for scripts: JSON in and out, the session cookie
// that sign-up and sign-in set, and 429s waited out with Retry-After. Plain ESM, Node's fetch.

export class ApiError extends Error {
  constructor(method, path, status, body) {
    const detail = body?.error?.message ?? (typeof body === 'string' ? body : '');
    super(`${method} ${path} answered ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `name=value` part of the session cookie in a response, or null. */
function sessionCookie(res) {
  for (const line of res.headers.getSetCookie?.() ?? []) {
    const pair = line.split(';')[0]?.trim() ?? '';
    if (/^(__Secure-)?next-auth\.session-token=./.test(pair)) return pair;
  }
  return null;
}

/**
 * @param {string} baseUrl e.g. http://localhost:3000
 * @param {{ waitOnRateLimit?: boolean, onRateLimited?: (seconds: number, path: string) => void }} [opts]
 */
export function createApi(baseUrl, opts = {}) {
  const { waitOnRateLimit = true, onRateLimited } = opts;

  /**
   * One request. `as` is a session ({ cookie }) or nothing. Resolves to { status, body, cookie }
   * for 2xx and for statuses listed in `accept`; throws ApiError otherwise.
   */
  async function request(method, path, { body, as, accept = [], headers = {} } = {}) {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(new URL(`/api/v1${path}`, baseUrl), {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(as?.cookie ? { cookie: as.cookie } : {}),
          ...headers,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      let parsed = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text for the error message
      }
      if (res.status === 429 && waitOnRateLimit && attempt < 8) {
        const seconds = Number(res.headers.get('retry-after')) || 5;
        onRateLimited?.(seconds, path);
        await sleep(seconds * 1000 + 250);
        continue;
      }
      if (res.ok || accept.includes(res.status))
        return { status: res.status, body: parsed, cookie: sessionCookie(res) };
      throw new ApiError(method, path, res.status, parsed);
    }
  }

  return {
    request,
    get: (path, o) => request('GET', path, o),
    post: (path, body, o) => request('POST', path, { ...o, body }),
    put: (path, body, o) => request('PUT', path, { ...o, body }),

    /** Signs up, or signs in when the email already has an account. Returns { user, cookie }. */
    async signUpOrIn({ email, password, name }) {
      const up = await request('POST', '/auth/signup', {
        body: { email, password, name },
        accept: [409],
      });
      if (up.status === 201) return { user: up.body.user, cookie: up.cookie, created: true };
      const signIn = await request('POST', '/auth/signin', { body: { email, password } });
      return { user: signIn.body.user, cookie: signIn.cookie, created: false };
    },
  };
}

/** GET <baseUrl>/api/health until it answers 200 (or `timeoutMs` passes). */
export async function waitForHealth(baseUrl, { timeoutMs = 120_000, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('the server exited before it became healthy');
    try {
      const res = await fetch(new URL('/api/health', baseUrl), {
        signal: AbortSignal.timeout(5000),
      });
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await sleep(500);
  }
  throw new Error(`${baseUrl} did not become healthy in ${timeoutMs / 1000} s (${last})`);
}
