import { readLimited } from './body';
import { ApiError } from './errors';

// Room for the multipart boundaries and headers around the file itself.
const ENVELOPE_BYTES = 16 * 1024;

/** Reads one file field from a multipart/form-data body, refusing (413) files over maxBytes. */
export async function readMultipartFile(
  req: Request,
  opts: { field: string; maxBytes: number },
): Promise<{ bytes: Uint8Array; name: string }> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new ApiError(
      'unsupported_media_type',
      `Upload the file as multipart/form-data in a field named "${opts.field}".`,
    );
  }
  const raw = await readLimited(req, opts.maxBytes + ENVELOPE_BYTES);
  let form: FormData;
  try {
    form = await new Response(raw as BodyInit, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new ApiError('bad_request', 'The multipart body could not be read.');
  }
  const file = form.get(opts.field);
  if (!(file instanceof File) || file.size === 0) {
    throw new ApiError('validation_failed', `Attach a file in the "${opts.field}" field.`, {
      fields: { [opts.field]: 'A file is required' },
    });
  }
  if (file.size > opts.maxBytes) {
    throw new ApiError(
      'payload_too_large',
      `The file is larger than ${Math.round(opts.maxBytes / (1024 * 1024))} MB.`,
    );
  }
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}
