import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { setPinPolicyEndpoint } from '@/lib/pins/endpoints';
import { setPinPolicy } from '@/lib/pins/server/pins';

export const runtime = 'nodejs';

export const PUT = handle(setPinPolicyEndpoint, async ({ user, params, body }) =>
  json(await setPinPolicy(await getStore(), user, params.id, body.policy)),
);

export * from '@/lib/openapi/methods-not-taken';
