/**
 * A local stand-in for a Web Push service (FCM, Mozilla autopush, ...), strict about the
 * protocol: every request is checked against RFC 8030 (TTL, Urgency, Topic), RFC 8292 (the VAPID
 * `Authorization: vapid t=<JWT>, k=<key>`: ES256, aud = this origin, exp within 24 h, the
 * expected sub) and RFC 8291/8188 (the aes128gcm body is decrypted with the subscription's
 * private key). A request that breaks a rule is answered 400 and its reason kept in `rejections`.
 * HTTPS with a self-signed certificate, since web-push only speaks https; senders trust it
 * through `agent`.
 */
import { createDecipheriv, createECDH, hkdfSync, randomBytes, type ECDH } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

import { importJWK, jwtVerify } from 'jose';

import { createSelfSignedCert } from './self-signed-cert';

export type FakeSubscription = {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
};

export type Delivery = {
  subscriptionId: string;
  ttl: number;
  urgency: string | null;
  topic: string | null;
  claims: { aud: string; exp: number; sub: string };
  /** The decrypted payload. */
  payload: string;
};

type Client = { ecdh: ECDH; auth: Buffer; scripted: number[] };

const MAX_PAYLOAD = 4096;

export async function startFakePushService(opts: {
  vapidSubject: string;
  /** When given, `k` must be this key (the sender's configured VAPID public key). */
  vapidPublicKey?: string;
}) {
  const { cert, key } = createSelfSignedCert();
  const clients = new Map<string, Client>();
  const deliveries: Delivery[] = [];
  const rejections: string[] = [];
  /** Every request that reached the server, answered however (subscription ids). */
  const requests: string[] = [];

  const server = https.createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1] ?? '';
      requests.push(id);
      const client = clients.get(id);
      if (req.method !== 'POST' || !client) return void res.writeHead(404).end();
      receive(client, id, req.headers, Buffer.concat(chunks)).then(
        (delivery) => {
          const status = client.scripted.shift() ?? 201;
          if (status === 201) deliveries.push(delivery);
          res.writeHead(
            status,
            status === 201 ? { location: `${origin}/m/${deliveries.length}` } : {},
          );
          res.end();
        },
        (error: Error) => {
          rejections.push(`${id}: ${error.message}`);
          res.writeHead(400).end(error.message);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function receive(
    client: Client,
    id: string,
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
  ): Promise<Delivery> {
    const header = (name: string) => {
      const v = headers[name];
      return typeof v === 'string' ? v : null;
    };
    if (header('content-encoding') !== 'aes128gcm')
      throw new Error('Content-Encoding is not aes128gcm');
    const ttl = header('ttl');
    if (!ttl || !/^\d+$/.test(ttl)) throw new Error('TTL header missing or not a number');
    const urgency = header('urgency');
    if (urgency && !['very-low', 'low', 'normal', 'high'].includes(urgency))
      throw new Error(`bad Urgency ${urgency}`);
    const topic = header('topic');
    if (topic && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) throw new Error(`bad Topic ${topic}`);
    if (body.length > MAX_PAYLOAD) throw new Error(`body of ${body.length} bytes`);

    const auth = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(
      header('authorization') ?? '',
    );
    if (!auth) throw new Error('Authorization is not "vapid t=<jwt>, k=<key>"');
    const [, jwt = '', k = ''] = auth;
    const point = Buffer.from(k, 'base64url');
    if (point.length !== 65 || point[0] !== 4)
      throw new Error('k is not an uncompressed P-256 point');
    if (opts.vapidPublicKey && k !== opts.vapidPublicKey)
      throw new Error('k is not the sender key');
    const jwk = {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    };
    const { payload: claims } = await jwtVerify(jwt, await importJWK(jwk, 'ES256'), {
      algorithms: ['ES256'],
      audience: origin,
      requiredClaims: ['exp', 'sub'],
    });
    if (claims.exp! > Date.now() / 1000 + 24 * 3600 + 60)
      throw new Error('exp more than 24 h ahead');
    if (claims.sub !== opts.vapidSubject) throw new Error(`sub ${claims.sub} is not the subject`);

    return {
      subscriptionId: id,
      ttl: Number(ttl),
      urgency,
      topic,
      claims: { aud: origin, exp: claims.exp!, sub: claims.sub },
      payload: decryptAes128gcm({ body, ecdh: client.ecdh, authSecret: client.auth }),
    };
  }

  return {
    origin,
    /** What a sender passes so it trusts this server's certificate. */
    agent: new https.Agent({ ca: cert }),
    deliveries,
    rejections,
    requests,
    /** A browser's subscription: a fresh P-256 key pair and auth secret, endpoint on this server. */
    subscribe(): FakeSubscription {
      const id = randomBytes(9).toString('base64url');
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      clients.set(id, { ecdh, auth, scripted: [] });
      return {
        id,
        endpoint: `${origin}/push/${id}`,
        keys: {
          p256dh: ecdh.getPublicKey().toString('base64url'),
          auth: auth.toString('base64url'),
        },
      };
    },
    /** The next `times` valid requests for this subscription are answered `status`. */
    answerNext(subscriptionId: string, status: number, times = 1) {
      clients.get(subscriptionId)?.scripted.push(...Array<number>(times).fill(status));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakePushService = Awaited<ReturnType<typeof startFakePushService>>;

/**
 * RFC 8291 §3.4 / RFC 8188: the header (salt, record size, the sender's ephemeral public key as
 * keyid), then one record: AES-128-GCM with a key and nonce derived from the ECDH secret and the
 * subscription's auth secret; the plaintext ends with the last-record delimiter 0x02 and padding.
 */
export function decryptAes128gcm(input: { body: Buffer; ecdh: ECDH; authSecret: Buffer }): string {
  const { body, ecdh, authSecret } = input;
  if (body.length < 21) throw new Error('body shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  if (idLength !== 65) throw new Error(`keyid of ${idLength} bytes, not a P-256 public key`);
  const asPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (record.length > recordSize) throw new Error('more than one record');
  if (record.length < 17) throw new Error('record shorter than the GCM tag');

  const uaPublic = ecdh.getPublicKey();
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\0', 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\0', 12));

  const decipher = createDecipheriv('aes-128-gcm', cek, nonce); // record 0: nonce XOR 0
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([
    decipher.update(record.subarray(0, record.length - 16)),
    decipher.final(),
  ]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record delimiter (0x02)');
  return padded.subarray(0, end).toString('utf8');
}
