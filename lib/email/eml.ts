/**
 * A small reader for the .eml files our own transport writes (nodemailer's output): headers
 * (unfolded, RFC 2047 encoded words decoded), and the first text/plain and text/html parts of a
 * possibly nested multipart body, with quoted-printable or base64 transfer encoding. Not a
 * general MIME parser: enough for the dev mailbox, and tested against the transport's output.
 */
export type ParsedEmail = {
  /** Lower-case name → decoded value (the first occurrence). */
  headers: Record<string, string>;
  from: string;
  to: string;
  subject: string;
  date: Date | null;
  text: string | null;
  html: string | null;
};

type Part = { headers: Record<string, string>; body: string };

export function parseEml(raw: string | Uint8Array): ParsedEmail {
  // Bytes as latin1 characters (one per byte) until each part's charset is known.
  const source = Buffer.from(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw).toString(
    'latin1',
  );
  const root = splitPart(source.replace(/\r\n/g, '\n'));
  const found: { text: string | null; html: string | null } = { text: null, html: null };
  collectBodies(root, found, 0);
  const headers = Object.fromEntries(
    // Raw 8-bit header text (RFC 6532) is UTF-8; encoded words are ASCII either way.
    Object.entries(root.headers).map(([k, v]) => [
      k,
      decodeWords(Buffer.from(v, 'latin1').toString('utf8')),
    ]),
  );
  const date = headers.date ? new Date(headers.date) : null;
  return {
    headers,
    from: headers.from ?? '',
    to: headers.to ?? '',
    subject: headers.subject ?? '',
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    ...found,
  };
}

function splitPart(source: string): Part {
  const end = source.indexOf('\n\n');
  const head = end === -1 ? source : source.slice(0, end);
  const body = end === -1 ? '' : source.slice(end + 2);
  const headers: Record<string, string> = {};
  // Unfolding (RFC 5322 §2.2.3): a line starting with white space continues the previous one.
  for (const line of head.replace(/\n(?=[ \t])/g, '').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function collectBodies(
  part: Part,
  found: { text: string | null; html: string | null },
  depth: number,
) {
  const { type, params } = parseContentType(part.headers['content-type'] ?? 'text/plain');
  if (type.startsWith('multipart/') && params.boundary && depth < 8) {
    for (const child of splitMultipart(part.body, params.boundary))
      collectBodies(splitPart(child), found, depth + 1);
    return;
  }
  if (/^attachment/i.test(part.headers['content-disposition'] ?? '')) return;
  const key = type === 'text/plain' ? 'text' : type === 'text/html' ? 'html' : null;
  if (!key || found[key] !== null) return;
  const bytes = decodeTransfer(part.body, part.headers['content-transfer-encoding'] ?? '7bit');
  found[key] = decodeCharset(bytes, params.charset ?? 'utf-8');
}

function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split('\n')) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}` || trimmed === `--${boundary}--`) {
      if (current) parts.push(current.join('\n'));
      if (trimmed === `--${boundary}--`) return parts;
      current = [];
    } else {
      current?.push(line);
    }
  }
  if (current) parts.push(current.join('\n'));
  return parts;
}

function parseContentType(value: string): { type: string; params: Record<string, string> } {
  const [type = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq === -1) continue;
    const name = param.slice(0, eq).trim().toLowerCase();
    params[name] = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeTransfer(body: string, encoding: string): Uint8Array {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/[ \t]+$/gm, '').replace(/=\n/g, ''));
    default:
      return Buffer.from(body.replace(/\n$/, ''), 'latin1');
  }
}

function decodeQuotedPrintable(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

function decodeCharset(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * RFC 2047 encoded words (`=?UTF-8?Q?Zo=C3=AB?=`, `=?UTF-8?B?...?=`). White space between two
 * adjacent encoded words is dropped (§6.2), and their bytes are joined before decoding, so a
 * character split across two words comes out whole.
 */
export function decodeWords(value: string): string {
  type Segment = { text: string } | { charset: string; bytes: number[] };
  const segments: Segment[] = [];
  let last = 0;
  for (const match of value.matchAll(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g)) {
    segments.push({ text: value.slice(last, match.index) });
    const [, charset = 'utf-8', kind = 'Q', data = ''] = match;
    const bytes =
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : decodeQuotedPrintable(data.replace(/_/g, ' '));
    segments.push({ charset, bytes: [...bytes] });
    last = match.index + match[0].length;
  }
  segments.push({ text: value.slice(last) });

  let out = '';
  let run: { charset: string; bytes: number[] } | null = null;
  for (const [i, segment] of segments.entries()) {
    if ('text' in segment) {
      const between = run !== null && 'charset' in (segments[i + 1] ?? {});
      if (between && /^\s*$/.test(segment.text)) continue;
      if (run) out += decodeCharset(Uint8Array.from(run.bytes), run.charset);
      run = null;
      out += segment.text;
    } else if (run && run.charset.toLowerCase() === segment.charset.toLowerCase()) {
      run.bytes.push(...segment.bytes);
    } else {
      if (run) out += decodeCharset(Uint8Array.from(run.bytes), run.charset);
      run = { charset: segment.charset, bytes: [...segment.bytes] };
    }
  }
  if (run) out += decodeCharset(Uint8Array.from(run.bytes), run.charset);
  return out;
}
