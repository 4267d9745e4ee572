import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { disableTwoFactorEndpoint } from '@/lib/auth/security-endpoints';
import { turnOff } from '@/lib/auth/two-factor/service';

export const runtime = 'nodejs';

/** Turns two-factor off; takes a current code or a recovery code. */
export const POST = handle(disableTwoFactorEndpoint, async ({ user, body }) => {
  await turnOff(user, body.code);
  return json({ enabled: false });
});

export * from '@/lib/openapi/methods-not-taken';
