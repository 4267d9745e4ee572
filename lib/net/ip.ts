/**
 * IP addresses and CIDR ranges as numbers, without `node:net`: `lib/env.ts` validates
 * TRUSTED_PROXIES with it and runs in every bundle. IPv4-mapped IPv6 (`::ffff:1.2.3.4`, what a
 * dual-stack socket reports) is read as the IPv4 address.
 */
export type IpRange = { v: 4 | 6; base: bigint; bits: number };

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseV4(text: string): bigint | null {
  const m = V4.exec(text);
  if (!m) return null;
  let n = 0n;
  for (const part of m.slice(1)) {
    const byte = Number(part);
    if (byte > 255 || (part.length > 1 && part.startsWith('0'))) return null;
    n = (n << 8n) | BigInt(byte);
  }
  return n;
}

function parseV6(text: string): bigint | null {
  if (!/^[0-9a-f:.]+$/i.test(text) || text.split('::').length > 2) return null;
  let words: string[] = [];
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 address at the end counts as two 16-bit groups.
  const last = (tail === undefined ? left : right).at(-1);
  const v4 = last?.includes('.') ? parseV4(last) : null;
  if (last?.includes('.')) {
    if (v4 === null) return null;
    (tail === undefined ? left : right).splice(
      -1,
      1,
      ((v4 >> 16n) & 0xffffn).toString(16),
      (v4 & 0xffffn).toString(16),
    );
  }
  if (tail === undefined) {
    if (left.length !== 8) return null;
    words = left;
  } else {
    const missing = 8 - left.length - right.length;
    if (missing < 1) return null;
    words = [...left, ...Array<string>(missing).fill('0'), ...right];
  }
  let n = 0n;
  for (const w of words) {
    if (!/^[0-9a-f]{1,4}$/i.test(w)) return null;
    n = (n << 16n) | BigInt(parseInt(w, 16));
  }
  return n;
}

const MAPPED_PREFIX = 0xffffn << 32n;

/** An address as a number with its family, or null when it is not an IP address. */
export function parseIp(text: string): { v: 4 | 6; n: bigint } | null {
  const t = text
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '');
  const v4 = parseV4(t);
  if (v4 !== null) return { v: 4, n: v4 };
  const v6 = parseV6(t);
  if (v6 === null) return null;
  if (v6 >> 32n === 0xffffn) return { v: 4, n: v6 - MAPPED_PREFIX };
  return { v: 6, n: v6 };
}

/** `10.0.0.0/8`, `2001:db8::/32` or a single address; null when malformed. */
export function parseRange(text: string): IpRange | null {
  const [addr = '', bitsText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const width = ip.v === 4 ? 32 : 128;
  const bits = bitsText === undefined ? width : /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : -1;
  if (bits < 0 || bits > width) return null;
  return { v: ip.v, base: ip.n >> BigInt(width - bits), bits };
}

export function inRange(ip: { v: 4 | 6; n: bigint }, range: IpRange): boolean {
  if (ip.v !== range.v) return false;
  const width = ip.v === 4 ? 32 : 128;
  return ip.n >> BigInt(width - range.bits) === range.base;
}

/** The canonical text of an address (IPv4-mapped IPv6 as plain IPv4), for rate-limit keys. */
export function formatIp(ip: { v: 4 | 6; n: bigint }): string {
  if (ip.v === 4) return [24n, 16n, 8n, 0n].map((s) => Number((ip.n >> s) & 0xffn)).join('.');
  const words = Array.from({ length: 8 }, (_, i) =>
    Number((ip.n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16),
  );
  return words.join(':');
}
