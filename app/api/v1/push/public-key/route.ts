import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { getVapidDetails } from '@/lib/push/vapid';

// Reads (or creates) the VAPID key file.
export const runtime = 'nodejs';

/** The application server key browsers subscribe with (`applicationServerKey`). */
export const GET = authedRoute({}, async () => {
  const { publicKey } = await getVapidDetails();
  return json({ publicKey });
});
