import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getPrivacyEndpoint, updatePrivacyEndpoint } from '@/lib/users/endpoints';
import { getPrivacy, setPrivacy } from '@/lib/users/server/search';

export const runtime = 'nodejs';

/** The caller's privacy settings: whether people may find them by typing their email. */
export const GET = handle(getPrivacyEndpoint, async ({ user }) => json(await getPrivacy(user.id)));

export const PATCH = handle(updatePrivacyEndpoint, async ({ user, body }) =>
  json(await setPrivacy(user.id, body)),
);

export * from '@/lib/openapi/methods-not-taken';
