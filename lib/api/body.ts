import { ApiError } from './errors';

export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * Reads a JSON body with a hard size limit. The Content-Length header is checked first, but the
 * stream is counted too, since chunked requests do not declare a length.
 */
export async function readJsonBody(req: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type.trim())) {
    throw new ApiError(
      'unsupported_media_type',
      'Send the body as JSON with Content-Type: application/json.',
    );
  }
  const text = new TextDecoder().decode(await readLimited(req, maxBytes));
  if (text.trim() === '')
    throw new ApiError('bad_request', 'The request body is empty; send a JSON object.');
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    throw new ApiError('bad_request', 'The request body is not valid JSON.');
  }
}

/** Reads a body into memory, refusing (413) past maxBytes even when no Content-Length was sent. */
export async function readLimited(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  // Concatenated by hand: Buffer does not exist on the edge runtime.
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

function tooLarge(maxBytes: number) {
  const size =
    maxBytes >= 1024 * 1024
      ? `${Math.round(maxBytes / (1024 * 1024))} MB`
      : `${Math.round(maxBytes / 1024)} KB`;
  return new ApiError('payload_too_large', `The request body is larger than ${size}.`);
}
