/** Where signed-in people land by default. */
export const HOME_PATH = '/chats';

// A stand-in origin: only the shape of the value matters, so any origin we own would do.
const BASE = 'http://parley.invalid';

/**
 * The path to return to after sign-in, or HOME_PATH. The value is parsed the way a browser would
 * parse a Location header (tabs and newlines dropped, `\` read as `/`), and only a path on our
 * own origin is accepted: `/\t/evil.test` and `/\evil.test` are protocol-relative URLs to another
 * host once a browser has read them. The answer is the re-serialised URL, so it is plain ASCII
 * (percent-encoded) and safe in a header whatever bytes came in.
 */
export function safeCallbackUrl(value: unknown): string {
  // A repeated ?callbackUrl= arrives as an array: refused like any other odd value.
  if (typeof value !== 'string' || value.length > 2048 || !value.startsWith('/')) return HOME_PATH;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return HOME_PATH;
  }
  if (url.origin !== BASE) return HOME_PATH;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Belt and braces: what we hand back must itself read as a same-origin path.
  return path.startsWith('/') && !path.startsWith('//') ? path : HOME_PATH;
}

/**
 * NextAuth's redirect target: a same-origin absolute URL or path becomes `baseUrl` + a safe path;
 * anything else goes home.
 */
export function safeRedirect(url: string, baseUrl: string): string {
  let path = url;
  try {
    if (!url.startsWith('/')) {
      const parsed = new URL(url);
      if (parsed.origin !== new URL(baseUrl).origin) return `${baseUrl}${HOME_PATH}`;
      path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
    }
  } catch {
    return `${baseUrl}${HOME_PATH}`;
  }
  return `${baseUrl.replace(/\/+$/, '')}${safeCallbackUrl(path)}`;
}
