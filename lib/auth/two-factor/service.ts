import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { getStore } from '@/lib/db';
import type { User } from '@/lib/db/types';

import { codeSlots, reserve } from '../server/sign-in-limits';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { open, seal } from './secret-box';
import { newTotpSecret, qrDataUrl, totpUri, verifyTotp } from './totp';

export type TwoFactorStatus = { enabled: boolean; pending: boolean; recoveryCodesLeft: number };

const WRONG_CODE = 'That code is not right. Check your authenticator app and try again.';

export async function twoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const state = await (await getStore()).getTwoFactor({ userId });
  return {
    enabled: !!state?.enabledAt,
    pending: !!state && !state.enabledAt,
    recoveryCodesLeft: state?.enabledAt ? state.recoveryCodesLeft : 0,
  };
}

export async function requiresSecondFactor(userId: string): Promise<boolean> {
  return !!(await (await getStore()).getTwoFactor({ userId }))?.enabledAt;
}

/** A new secret for the authenticator app; nothing changes until a code confirms it. */
export async function startEnrolment(
  user: User,
): Promise<{ secret: string; otpauthUri: string; qrCode: string }> {
  const secret = newTotpSecret();
  const started = await (
    await getStore()
  ).startTwoFactor({ userId: user.id, secretBox: seal(secret) });
  if (!started) throw new ApiError('conflict', 'Two-factor sign-in is already on.');
  const otpauthUri = totpUri(secret, user.email);
  return { secret, otpauthUri, qrCode: await qrDataUrl(otpauthUri) };
}

/** Turns two-factor on with the first code from the app; answers the recovery codes, once. */
export async function confirmEnrolment(
  user: User,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const store = await getStore();
  const state = await store.getTwoFactor({ userId: user.id });
  if (!state || state.enabledAt)
    throw new ApiError('conflict', 'Start setting up two-factor sign-in first.');
  const reservation = await reserve(codeSlots(user.id));
  const secret = open(state.secretBox);
  const step = secret ? await verifyTotp(secret, code.trim()) : null;
  if (step === null)
    throw new ApiError('unauthorized', WRONG_CODE, { fields: { code: WRONG_CODE } });
  await reservation.release();
  const recoveryCodes = newRecoveryCodes();
  const enabled = await store.enableTwoFactor({
    userId: user.id,
    recoveryCodeHashes: await Promise.all(recoveryCodes.map(hashRecoveryCode)),
    step,
  });
  if (!enabled) throw new ApiError('conflict', 'Two-factor sign-in is already on.');
  return { recoveryCodes };
}

/**
 * Checks a second factor: a current authenticator code (each accepted once) or an unspent
 * recovery code (spent by this). Limited like passwords, counted before the check.
 */
export async function checkSecondFactor(userId: string, code: string): Promise<void> {
  const store = await getStore();
  const reservation = await reserve(codeSlots(userId));
  const state = await store.getTwoFactor({ userId });
  const typed = code.trim();
  let ok = false;
  if (state?.enabledAt) {
    if (/^\d{6}$/.test(typed)) {
      const secret = open(state.secretBox);
      const step = secret ? await verifyTotp(secret, typed) : null;
      ok = step !== null && (await store.useTwoFactorStep({ userId, step }));
    } else if (looksLikeRecoveryCode(typed)) {
      ok = await store.useRecoveryCode({ userId, codeHash: await hashRecoveryCode(typed) });
    }
  }
  if (!ok) throw new ApiError('unauthorized', WRONG_CODE, { fields: { code: WRONG_CODE } });
  await reservation.release();
}

/** Turning it off takes a code too: a session left open somewhere is not enough. */
export async function turnOff(user: User, code: string): Promise<void> {
  if (!(await requiresSecondFactor(user.id)))
    throw new ApiError('conflict', 'Two-factor sign-in is not on.');
  await checkSecondFactor(user.id, code);
  await (await getStore()).disableTwoFactor({ userId: user.id });
}
