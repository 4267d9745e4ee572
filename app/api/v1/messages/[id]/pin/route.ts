import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { pinMessageEndpoint, unpinMessageEndpoint } from '@/lib/pins/endpoints';
import { pinMessage, unpinMessage } from '@/lib/pins/server/pins';

export const runtime = 'nodejs';

export const PUT = handle(pinMessageEndpoint, async ({ user, params }) =>
  json(await pinMessage(await getStore(), user, params.id)),
);

export const DELETE = handle(unpinMessageEndpoint, async ({ user, params }) =>
  json(await unpinMessage(await getStore(), user, params.id)),
);

export * from '@/lib/openapi/methods-not-taken';
