import { z } from 'zod';

/**
 * STUN and TURN servers for RTCPeerConnection, from configuration. With nothing configured there
 * are none: peers on one machine or one LAN connect directly through host candidates.
 *
 * TURN credentials are either static (TURN_USERNAME / TURN_CREDENTIAL) or, with TURN_SECRET,
 * short-lived ones per the TURN REST API draft (draft-uberti-behave-turn-rest-00), which coturn
 * supports as `use-auth-secret` / `static-auth-secret`: username = `<expiry unix time>:<userId>`,
 * credential = base64(HMAC-SHA1(secret, username)). Web Crypto only, so this runs anywhere.
 */

export const iceServerSchema = z.object({
  urls: z.array(z.string()).min(1),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

export const iceServersResponseSchema = z.object({
  iceServers: z.array(iceServerSchema),
  /** How long the TURN credentials stay valid; present only when they expire. */
  ttlSeconds: z.number().int().positive().optional(),
});
export type IceServersResponse = z.infer<typeof iceServersResponseSchema>;

export type IceConfig = {
  stunUrls: string[];
  turnUrls: string[];
  turnSecret?: string | undefined;
  turnUsername?: string | undefined;
  turnCredential?: string | undefined;
  turnTtlSeconds: number;
};

/** "stun:a:3478, stun:b" → ["stun:a:3478", "stun:b"]; blanks dropped. */
export function splitUrls(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The TURN REST API credential for `username`: base64(HMAC-SHA1(secret, username)). */
export async function turnCredential(secret: string, username: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  return base64(await crypto.subtle.sign('HMAC', key, encoder.encode(username)));
}

/** The servers to hand `userId`'s browser now. */
export async function iceServersFor(
  config: IceConfig,
  userId: string,
  now = Date.now(),
): Promise<IceServersResponse> {
  const iceServers: IceServer[] = [];
  if (config.stunUrls.length > 0) iceServers.push({ urls: config.stunUrls });
  if (config.turnUrls.length === 0) return { iceServers };
  if (config.turnSecret) {
    const expiry = Math.floor(now / 1000) + config.turnTtlSeconds;
    const username = `${expiry}:${userId}`;
    const credential = await turnCredential(config.turnSecret, username);
    iceServers.push({ urls: config.turnUrls, username, credential });
    return { iceServers, ttlSeconds: config.turnTtlSeconds };
  }
  if (config.turnUsername && config.turnCredential) {
    iceServers.push({
      urls: config.turnUrls,
      username: config.turnUsername,
      credential: config.turnCredential,
    });
  }
  // TURN without credentials is useless to a browser (it must authenticate): left out.
  return { iceServers };
}
