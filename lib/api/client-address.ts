import { env } from '@/lib/env';
import { formatIp, inRange, parseIp, type IpRange } from '@/lib/net/ip';

/** Where scripts/peer-address.mjs puts the socket's address (overwriting anything a client sent). */
export const PEER_ADDRESS_HEADER = 'x-parley-peer-address';

/** The caller's address when nothing trustworthy says who it is: they all share one bucket. */
export const UNKNOWN_ADDRESS = 'unknown';

export type AddressPolicy = {
  /** Proxies whose X-Forwarded-For entries are believed. */
  trustedProxies: IpRange[];
  /** On Vercel, its edge sets x-vercel-forwarded-for / x-real-ip and overwrites what clients send. */
  onVercel: boolean;
  /** Whether PEER_ADDRESS_HEADER was set by our preload (else a client could have sent it). */
  peerHeader: boolean;
};

const fromEnv = (): AddressPolicy => ({
  trustedProxies: env.TRUSTED_PROXIES,
  onVercel: env.VERCEL === '1',
  peerHeader: env.PARLEY_PEER_ADDRESS_HEADER === '1',
});

const canonical = (text: string | null | undefined) => {
  const ip = text ? parseIp(text) : null;
  return ip ? formatIp(ip) : null;
};

/**
 * The caller's address, for rate limits. X-Forwarded-For is written by whoever sends the request,
 * so it counts only as far as it was appended by proxies we trust: the chain (the header's entries,
 * then the socket's peer) is walked from the right, past trusted proxies, to the first address
 * that is not one. Without trusted proxies the header is ignored. Next.js does not hand route
 * handlers the socket's address, and `next start` puts it in X-Forwarded-For only when the client
 * sent none; our preload (scripts/peer-address.mjs) copies it into PEER_ADDRESS_HEADER instead.
 * When that is absent too (a plain `next start`), every caller is UNKNOWN_ADDRESS: one shared
 * bucket, strict rather than sidestepped.
 */
export function clientAddress(headers: Headers, policy: AddressPolicy = fromEnv()): string {
  if (policy.onVercel) {
    const vercel = headers.get('x-vercel-forwarded-for')?.split(',')[0];
    return canonical(vercel) ?? canonical(headers.get('x-real-ip')) ?? UNKNOWN_ADDRESS;
  }
  const peer = policy.peerHeader ? canonical(headers.get(PEER_ADDRESS_HEADER)) : null;
  const trusted = (text: string) => {
    const ip = parseIp(text);
    return !!ip && policy.trustedProxies.some((range) => inRange(ip, range));
  };
  if (policy.trustedProxies.length === 0 || (peer && !trusted(peer)))
    return peer ?? UNKNOWN_ADDRESS;

  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (peer) chain.push(peer);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i]!;
    if (!trusted(hop)) return canonical(hop) ?? UNKNOWN_ADDRESS;
  }
  // Every hop is one of our proxies: the request started inside.
  return canonical(chain[0]) ?? peer ?? UNKNOWN_ADDRESS;
}
