import { json, route } from '@/lib/api/route';
import { buildOpenApiDocument } from '@/lib/openapi/document';

// Reaches no store: it runs on the edge, which also keeps route() honest about being edge-safe.
export const runtime = 'edge';

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = route({}, () => {
  cached ??= buildOpenApiDocument();
  return json(cached, 200, { 'cache-control': 'public, max-age=300' });
});
