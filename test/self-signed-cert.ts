/**
 * A self-signed X.509 certificate for 127.0.0.1 and localhost, made with node:crypto at test
 * time (no openssl binary, nothing checked in). Test servers that must speak HTTPS use it; their
 * clients trust exactly this certificate (`ca`), so TLS verification stays on.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

// DER: tag, length, value.
function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  const len =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}
const seq = (...parts: Buffer[]) => der(0x30, ...parts);
const hex = (h: string) => Buffer.from(h.replaceAll(' ', ''), 'hex');

const ECDSA_SHA256 = seq(hex('06 08 2a 86 48 ce 3d 04 03 02'));
const COMMON_NAME = hex('06 03 55 04 03');
const SUBJECT_ALT_NAME = hex('06 03 55 1d 11');
const BASIC_CONSTRAINTS = hex('06 03 55 1d 13');

function utcTime(date: Date): Buffer {
  const s = date.toISOString().replace(/[-:T]/g, '').slice(2, 14);
  return der(0x17, Buffer.from(`${s}Z`));
}

export function createSelfSignedCert(commonName = '127.0.0.1'): { cert: string; key: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = seq(der(0x31, seq(COMMON_NAME, der(0x0c, Buffer.from(commonName)))));
  const serial = randomBytes(8);
  serial[0]! &= 0x7f; // a positive INTEGER
  const now = Date.now();
  const altNames = seq(
    der(0x87, hex('7f 00 00 01')), // iPAddress 127.0.0.1
    der(0x82, Buffer.from('localhost')), // dNSName
  );
  const extensions = der(
    0xa3,
    seq(
      seq(BASIC_CONSTRAINTS, der(0x04, seq(der(0x01, hex('ff'))))), // CA: its own trust anchor
      seq(SUBJECT_ALT_NAME, der(0x04, altNames)),
    ),
  );
  const tbs = seq(
    hex('a0 03 02 01 02'), // v3
    der(0x02, serial),
    ECDSA_SHA256,
    name,
    seq(utcTime(new Date(now - 60_000)), utcTime(new Date(now + 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const signature = sign('sha256', tbs, privateKey); // DER-encoded ECDSA signature
  const cert = seq(tbs, ECDSA_SHA256, der(0x03, Buffer.from([0]), signature));
  const pem = cert
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n');
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${pem}\n-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
