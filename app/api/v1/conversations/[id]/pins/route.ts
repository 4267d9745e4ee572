import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { listPinsEndpoint } from '@/lib/pins/endpoints';
import { listPins } from '@/lib/pins/server/pins';

export const runtime = 'nodejs';

export const GET = handle(listPinsEndpoint, async ({ user, params }) =>
  json(await listPins(await getStore(), user, params.id)),
);

export * from '@/lib/openapi/methods-not-taken';
