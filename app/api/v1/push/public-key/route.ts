import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getPushPublicKeyEndpoint } from '@/lib/push/endpoints';
import { getVapidDetails } from '@/lib/push/server/vapid';

// Reads (or creates) the VAPID key file.
export const runtime = 'nodejs';

/** The application server key browsers subscribe with (`applicationServerKey`). */
export const GET = handle(getPushPublicKeyEndpoint, async () => {
  const { publicKey } = await getVapidDetails();
  return json({ publicKey });
});

export * from '@/lib/openapi/methods-not-taken';
