import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { requireAdmin } from '@/lib/jobs/admin';
import { sendTestErrorEndpoint } from '@/lib/operations/endpoints';
import { sendTestError } from '@/lib/operations/server/overview';

export const runtime = 'nodejs';

/** Admins, 5 a minute: a server error (and a room error) reported on purpose. */
export const POST = handle(sendTestErrorEndpoint, async ({ user, requestId }) => {
  await requireAdmin({ store: await getStore(), user });
  return json(await sendTestError(requestId));
});

export * from '@/lib/openapi/methods-not-taken';
