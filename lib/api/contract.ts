import { env } from '@/lib/env';
import { log } from '@/lib/log';

import { endpointErrors, errorBodySchema, type EndpointSpec } from './endpoint';
import { ApiError } from './errors';
import { errorResponse } from './route';

/**
 * Outside production, every answer is held to its descriptor: a success status it declares, a
 * body its schema accepts, an error code it lists (derived or declared). A mismatch is a bug in
 * the route or the descriptor, so it answers 500 and logs why; the route tests, which exercise
 * every endpoint, then fail instead of the OpenAPI document or the browser client drifting.
 */
export async function checkAnswer(endpoint: EndpointSpec, res: Response): Promise<Response> {
  if (env.NODE_ENV === 'production' || res.status >= 500) return res;
  const problem = await findProblem(endpoint, res);
  if (!problem) return res;
  const where = `${endpoint.method} ${endpoint.path}`;
  log.error({ operationId: endpoint.operationId, status: res.status, problem }, 'answer drifted');
  const drifted = errorResponse(
    new ApiError('internal', `${where} answered outside its descriptor: ${problem}`),
  );
  const requestId = res.headers.get('x-request-id');
  if (requestId) drifted.headers.set('x-request-id', requestId);
  return drifted;
}

async function findProblem(endpoint: EndpointSpec, res: Response): Promise<string | null> {
  if (res.status >= 400) {
    const parsed = errorBodySchema.safeParse(
      await res
        .clone()
        .json()
        .catch(() => null),
    );
    if (!parsed.success) return `status ${res.status} without an {error: {code, message}} body`;
    const code = parsed.data.error.code;
    const allowed = endpointErrors(endpoint).map((e) => e.code as string);
    return allowed.includes(code) ? null : `error ${code} (${res.status}) is not declared`;
  }
  const spec = endpoint.responses[res.status as keyof EndpointSpec['responses']];
  if (!spec) return `status ${res.status} is not declared`;
  if (!spec.schema) return null;
  const result = spec.schema.safeParse(
    await res
      .clone()
      .json()
      .catch(() => undefined),
  );
  if (result.success) return null;
  return result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
