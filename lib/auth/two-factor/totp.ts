import { generate, generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';

/**
 * TOTP as authenticator apps expect it (RFC 6238: SHA-1, 6 digits, 30 s), through otplib.
 * One step either side is accepted for clock drift; the caller refuses steps already used.
 */
export const ISSUER = 'Parley';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: ISSUER, label: account, secret });
}

/** The QR code of the enrolment URI as a data URL, drawn here: nothing is fetched from anywhere. */
export function qrDataUrl(uri: string): Promise<string> {
  return toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 200 });
}

/** The time step the code belongs to, or null when it is not a current code for the secret. */
export async function verifyTotp(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The current code (tests and the e2e spec act as the authenticator app). */
export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}
