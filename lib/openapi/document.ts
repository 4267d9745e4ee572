import { z } from 'zod';

import { endpointErrors, errorBodySchema, type EndpointSpec } from '@/lib/api/endpoint';
import { errorStatus } from '@/lib/api/errors';
import pkg from '@/package.json';

import { documentedEndpoints } from './registry';

const schema = (s: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any' });

const errorRef = {
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

function parameters(endpoint: EndpointSpec) {
  const shape = endpoint.params instanceof z.ZodObject ? endpoint.params.shape : {};
  const path = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => {
    const param = (shape as Record<string, z.ZodType | undefined>)[name];
    return {
      name,
      in: 'path',
      required: true,
      schema: param ? schema(param, 'input') : { type: 'string' },
    };
  });
  const query = endpoint.query
    ? Object.entries(endpoint.query.shape).map(([name, s]) => ({
        name,
        in: 'query',
        required: false,
        schema: schema(s as z.ZodType, 'input'),
      }))
    : [];
  return [...path, ...query];
}

function requestBody(endpoint: EndpointSpec) {
  if (endpoint.body)
    return {
      required: true,
      content: { 'application/json': { schema: schema(endpoint.body, 'input') } },
    };
  if (!endpoint.multipart) return undefined;
  const { field, description } = endpoint.multipart;
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: [field],
          properties: { [field]: { type: 'string', format: 'binary', description } },
        },
      },
    },
  };
}

function responses(endpoint: EndpointSpec) {
  const out: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(endpoint.responses)) {
    const content = spec.schema
      ? { 'application/json': { schema: schema(spec.schema, 'output') } }
      : spec.contentType
        ? { [spec.contentType]: { schema: { type: 'string', format: 'binary' } } }
        : undefined;
    out[status] = { description: spec.description, ...(content ? { content } : {}) };
  }
  for (const { code, description } of endpointErrors(endpoint))
    out[errorStatus[code]] = { description, ...errorRef };
  out[500] = { description: 'Unexpected error; the message names a request id', ...errorRef };
  return out;
}

function operationObject(endpoint: EndpointSpec) {
  const params = parameters(endpoint);
  const body = requestBody(endpoint);
  const limit = endpoint.rateLimit;
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(limit
      ? {
          description: `At most ${limit.rule.limit} per ${limit.rule.windowMs / 1000} s per person (429 with Retry-After past it).`,
          'x-rate-limit': { limit: limit.rule.limit, windowSeconds: limit.rule.windowMs / 1000 },
        }
      : {}),
    tags: [endpoint.tag],
    ...(endpoint.auth === 'none' ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responses(endpoint),
  };
}

/**
 * The OpenAPI 3.1 document, built from the endpoint descriptors the routes are built from
 * (cheap; the route caches it). Error answers are derived from each descriptor's shape plus its
 * declared domain errors, so the document cannot list what a route never answers or miss what
 * it does (the routes check their answers against the same list outside production).
 */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of documentedEndpoints) {
    paths[endpoint.path] = {
      ...paths[endpoint.path],
      [endpoint.method.toLowerCase()]: operationObject(endpoint),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: pkg.version,
      description:
        'Real-time chat. Authenticate with the session cookie or a personal API token (Settings → API tokens, or POST /api/v1/auth/token).',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal API token (plk_…)' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
      schemas: { Error: schema(errorBodySchema, 'output') },
    },
    paths,
  };
}
