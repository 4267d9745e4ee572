import { z } from 'zod';

import pkg from '@/package.json';

import { operations, type Operation } from './operations';
import { errorSchema, healthSchema } from './responses';

const reasons: Record<number, string> = {
  400: 'Malformed request (bad JSON, query or path)',
  401: 'Not signed in: send the session cookie or Authorization: Bearer <token>',
  403: 'Not allowed',
  404: 'Not found (or not yours to see)',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Wrong content type',
  422: 'Validation failed; see error.fields',
  429: 'Rate limited; see Retry-After',
};

const schema = (s: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any' });

function operationObject(op: Operation) {
  const params = [
    ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...(op.query
      ? Object.entries(op.query.shape).map(([name, s]) => ({
          name,
          in: 'query',
          required: false,
          schema: schema(s as z.ZodType, 'input'),
        }))
      : []),
  ];
  const errorRef = {
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    summary: op.summary,
    tags: [op.tag],
    ...(op.auth ? {} : { security: [] }),
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schema(op.body, 'input') } },
          },
        }
      : {}),
    ...(op.multipart
      ? {
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: [op.multipart.field],
                  properties: {
                    [op.multipart.field]: {
                      type: 'string',
                      format: 'binary',
                      description: op.multipart.description,
                    },
                  },
                },
              },
            },
          },
        }
      : {}),
    responses: {
      [op.response.status]: {
        description: op.response.description,
        ...(op.response.schema
          ? { content: { 'application/json': { schema: schema(op.response.schema, 'output') } } }
          : {}),
      },
      ...Object.fromEntries(
        op.errors.map((code) => [code, { description: reasons[code] ?? 'Error', ...errorRef }]),
      ),
      500: { description: 'Unexpected error; the message names a request id', ...errorRef },
    },
  };
}

/** The OpenAPI 3.1 document for /api/v1, built from the route schemas on each call (cheap, and cached by the route). */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = `/api/v1${op.path}`;
    paths[path] = { ...paths[path], [op.method]: operationObject(op) };
  }
  paths['/api/health'] = {
    get: {
      summary: 'Health of the app and its dependencies',
      tags: ['Health'],
      security: [],
      responses: {
        200: {
          description: 'Healthy',
          content: { 'application/json': { schema: schema(healthSchema, 'output') } },
        },
        503: { description: 'A dependency is down' },
      },
    },
  };
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
      schemas: { Error: schema(errorSchema, 'output') },
    },
    paths,
  };
}
