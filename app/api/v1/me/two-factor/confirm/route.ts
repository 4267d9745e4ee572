import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { confirmTwoFactorEndpoint } from '@/lib/auth/security-endpoints';
import { confirmEnrolment } from '@/lib/auth/two-factor/service';

export const runtime = 'nodejs';

/** Turns two-factor on with a code from the app; answers the ten recovery codes, once. */
export const POST = handle(confirmTwoFactorEndpoint, async ({ user, body }) =>
  json(await confirmEnrolment(user, body.code)),
);

export * from '@/lib/openapi/methods-not-taken';
