import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getTwoFactorEndpoint, startTwoFactorEndpoint } from '@/lib/auth/security-endpoints';
import { startEnrolment, twoFactorStatus } from '@/lib/auth/two-factor/service';

export const runtime = 'nodejs';

/** Whether two-factor sign-in is on, and how many recovery codes are left. */
export const GET = handle(getTwoFactorEndpoint, async ({ user }) =>
  json(await twoFactorStatus(user.id)),
);

/**
 * Starts setting it up: a new secret, its otpauth:// URI and the QR code (a data URL drawn on
 * the server). Nothing changes until POST /me/two-factor/confirm with a code from the app.
 */
export const POST = handle(startTwoFactorEndpoint, async ({ user }) =>
  json(await startEnrolment(user), 201),
);

export * from '@/lib/openapi/methods-not-taken';
