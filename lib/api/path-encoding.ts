/**
 * Whether every segment of a request path percent-decodes (valid `%XX` escapes spelling valid
 * UTF-8). Next.js decodes dynamic segments itself and, on `%ZZ`, a bare `%` or an encoded lone
 * surrogate (`%ED%A0%80`), answered a plain-text 500 before any route ran; proxy.ts checks first.
 */
export function pathDecodes(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The JSON 400 for such a path, in the shape every API error has. */
export function badPathResponse(): Response {
  return Response.json(
    {
      error: {
        code: 'bad_request',
        message: 'The address has broken percent-encoding (a % must start a valid %XX escape).',
      },
    },
    { status: 400, headers: { 'cache-control': 'no-store' } },
  );
}
