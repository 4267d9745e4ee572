import { handlePublic } from '@/lib/api/handle-public';
import { json } from '@/lib/api/route';
import { buildOpenApiDocument } from '@/lib/openapi/document';
import { openApiDocumentEndpoint } from '@/lib/openapi/endpoints';

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = handlePublic(openApiDocumentEndpoint, () => {
  cached ??= buildOpenApiDocument();
  return json(cached, 200, { 'cache-control': 'public, max-age=300' });
});

export * from '@/lib/openapi/methods-not-taken';
