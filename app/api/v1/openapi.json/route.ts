import { json, route } from '@/lib/api/route';
import { buildOpenApiDocument } from '@/lib/openapi/document';

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = route({}, () => {
  cached ??= buildOpenApiDocument();
  return json(cached, 200, { 'cache-control': 'public, max-age=300' });
});
