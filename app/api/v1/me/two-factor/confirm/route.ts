import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { twoFactorCodeSchema } from '@/lib/auth/two-factor/schemas';
import { confirmEnrolment } from '@/lib/auth/two-factor/service';

export const runtime = 'nodejs';

/** Turns two-factor on with a code from the app; answers the ten recovery codes, once. */
export const POST = authedRoute({ body: twoFactorCodeSchema }, async ({ user, body }) =>
  json(await confirmEnrolment(user, body.code)),
);
