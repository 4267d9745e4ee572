import { createStackParser, createTransport, Scope } from '@sentry/core';
import { nodeStackLineParser, ServerRuntimeClient } from '@sentry/core/server';

import { scrubEvent } from '../lib/observability/scrub';

/**
 * Room errors to Sentry. The rooms run in workerd (PartyKit, and `partykit dev` locally), where
 * @sentry/nextjs cannot load. @sentry/cloudflare wants the `nodejs_compat` flag and instruments
 * whole Workers handlers, which PartyKit owns; toucan-js installs and runs, but its types pull
 * Cloudflare's globals into the whole project's typecheck. So the rooms use @sentry/core itself,
 * the runtime-neutral client both of those build on (the same version as @sentry/nextjs's): a
 * ServerRuntimeClient with a fetch transport. Configured by PartyKit variables: SENTRY_DSN (off
 * without it, nothing sent or built), SENTRY_RELEASE and SENTRY_ENVIRONMENT, the values the
 * Next.js server uses. Events go through the same scrubber as the server's and the browser's.
 */
export type RoomErrorTags = {
  party: string;
  /** Absent in onAlarm, where PartyKit forbids reading the room id. */
  room?: string;
  handler: string;
  trace_id?: string;
};

const text = (env: Record<string, unknown>, name: string): string | undefined => {
  const value = env[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

/** One client per isolate and DSN: rooms of a party share an isolate. */
let cached: { dsn: string; client: ServerRuntimeClient } | undefined;

function clientFor(env: Record<string, unknown>, dsn: string): ServerRuntimeClient {
  if (cached?.dsn === dsn) return cached.client;
  const client = new ServerRuntimeClient({
    dsn,
    release: text(env, 'SENTRY_RELEASE'),
    environment: text(env, 'SENTRY_ENVIRONMENT') ?? 'production',
    platform: 'javascript',
    runtime: { name: 'partykit' },
    integrations: [],
    stackParser: createStackParser(nodeStackLineParser()),
    transport: (options) =>
      createTransport(options, async (request) => {
        const res = await fetch(options.url, { method: 'POST', body: request.body as BodyInit });
        return { statusCode: res.status };
      }),
    beforeSend: (event) => scrubEvent(event),
  });
  client.init();
  cached = { dsn, client };
  return client;
}

/** Reports one error and waits (at most 3 s) until it has been sent. Never throws. */
export async function reportRoomError(
  env: Record<string, unknown>,
  error: unknown,
  tags: RoomErrorTags,
): Promise<void> {
  const dsn = text(env, 'SENTRY_DSN');
  if (!dsn) return;
  try {
    const client = clientFor(env, dsn);
    const scope = new Scope();
    scope.setClient(client);
    scope.setTags({ runtime: 'partykit', ...tags });
    scope.captureException(error);
    await client.flush(3000);
  } catch {
    // Reporting must never turn one error into two.
  }
}
