import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { twoFactorCodeSchema } from '@/lib/auth/two-factor/schemas';
import { turnOff } from '@/lib/auth/two-factor/service';

export const runtime = 'nodejs';

/** Turns two-factor off; takes a current code or a recovery code. */
export const POST = authedRoute({ body: twoFactorCodeSchema }, async ({ user, body }) => {
  await turnOff(user, body.code);
  return json({ enabled: false });
});
