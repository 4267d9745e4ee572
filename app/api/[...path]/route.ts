import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';

/**
 * Any /api path no route handles (a typo, `/api/v1/users/../avatar` after normalisation): the
 * API's JSON 404, not Next.js's HTML not-found page. More specific routes always win over this
 * catch-all.
 */
const notFound = route({}, ({ req }) => {
  throw new ApiError(
    'not_found',
    `There is no ${req.method} ${new URL(req.url).pathname} in the API.`,
  );
});

export {
  notFound as DELETE,
  notFound as GET,
  notFound as PATCH,
  notFound as POST,
  notFound as PUT,
};
