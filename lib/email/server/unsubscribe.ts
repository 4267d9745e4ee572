import 'server-only';

import { ApiError } from '@/lib/api/errors';
import type { NotificationSettingsPort, UsersPort } from '@/lib/db/store';

import { verifyUnsubscribeToken } from './unsubscribe-token';

export const UNSUBSCRIBED_MESSAGE =
  "You won't get email digests any more. Turn them back on in Settings.";
export const INVALID_LINK_MESSAGE =
  'This unsubscribe link is not valid. Use the link in your latest Parley email, or turn email digests off in Settings.';
export const EXPIRED_LINK_MESSAGE =
  'This unsubscribe link has expired. Use the link in your latest Parley email, or turn email digests off in Settings.';

/** Whose digests a token turns off, or why it cannot (for the page, before anything changes). */
export async function checkUnsubscribeToken(
  store: UsersPort,
  token: string | null | undefined,
): Promise<{ ok: true; userId: string; email: string } | { ok: false; message: string }> {
  const result = await verifyUnsubscribeToken(token);
  if (!result.ok)
    return {
      ok: false,
      message: result.reason === 'expired' ? EXPIRED_LINK_MESSAGE : INVALID_LINK_MESSAGE,
    };
  const user = await store.getUserById({ id: result.userId });
  // A deleted account: nothing left to unsubscribe.
  if (!user) return { ok: false, message: INVALID_LINK_MESSAGE };
  return { ok: true, userId: user.id, email: user.email };
}

/** Turns email digests off for the token's person; 400 with the reason for a bad token. */
export async function unsubscribeFromDigests(input: {
  store: UsersPort & NotificationSettingsPort;
  token: string | null | undefined;
}): Promise<void> {
  const checked = await checkUnsubscribeToken(input.store, input.token);
  if (!checked.ok) throw new ApiError('bad_request', checked.message);
  await input.store.updateNotificationSettings({ userId: checked.userId, emailDigest: false });
}
