import type { z } from 'zod';

import { deploymentProblems } from './env-deployment';

/**
 * Every environment variable Parley reads, validated once. Code imports `env`, never `process.env`.
 *
 * Development secrets are not defaults here: `scripts/run.mjs` generates them into `.data/secrets.json`
 * on first run and passes them to both Next.js and `partykit dev`, so the two processes agree.
 * In production a missing secret is a start-up error that names the variable.
 */

import { clientSchema, serverSchema } from './env-schema';

export { clientSchema, serverSchema };

/** Secrets that must be present whenever the app serves traffic in production. */
export const requiredInProduction = ['NEXTAUTH_SECRET', 'PARTY_SECRET', 'ROOM_TOKEN_KEY'] as const;

export type ServerEnv = z.infer<typeof serverSchema>;
export type ClientEnv = z.infer<typeof clientSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

type Source = Record<string, string | undefined>;

/** Empty strings count as unset, as they do in most deployment dashboards. */
function clean(source: Source): Source {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
}

export function parseServerEnv(
  source: Source,
  opts: {
    enforceSecrets: boolean;
    /**
     * Secrets `npm run dev` generated (<data dir>/secrets.json): refused on a production
     * deployment. Read by lib/env-generated.ts at server start (this module also runs on the
     * edge, which has no file system).
     */
    generatedSecrets?: ReadonlySet<string>;
  },
): ServerEnv {
  const result = serverSchema.safeParse(clean(source));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment variables:\n${lines.join('\n')}`);
  }
  if (result.data.PARLEY_RATE_LIMITS === 'off' && result.data.VERCEL_ENV) {
    throw new EnvError(
      'PARLEY_RATE_LIMITS=off is for local load tests only and is refused on Vercel deployments.',
    );
  }
  if (result.data.QSTASH_TOKEN && !result.data.QSTASH_CURRENT_SIGNING_KEY) {
    throw new EnvError(
      'QSTASH_TOKEN is set but QSTASH_CURRENT_SIGNING_KEY is not: job routes could not verify deliveries. ' +
        'Copy both signing keys from the QStash console.',
    );
  }
  if (result.data.QSTASH_TOKEN && result.data.AI_TIMEOUT_MS > 40_000) {
    throw new EnvError(
      'AI_TIMEOUT_MS is over 40000 with QStash: a job route runs at most 60 s (maxDuration), ' +
        'so a slower reply would be cut off without a word. Set AI_TIMEOUT_MS to 40000 or less.',
    );
  }
  if (result.data.QSTASH_TOKEN && !result.data.NEXTAUTH_URL) {
    throw new EnvError(
      'QSTASH_TOKEN is set but NEXTAUTH_URL is not: QStash needs the public URL to deliver jobs to.',
    );
  }
  if (!!result.data.UPSTASH_REDIS_REST_URL !== !!result.data.UPSTASH_REDIS_REST_TOKEN) {
    throw new EnvError('Set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither.');
  }
  if (!!result.data.VAPID_PUBLIC_KEY !== !!result.data.VAPID_PRIVATE_KEY) {
    throw new EnvError('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither.');
  }
  if (result.data.BACKUP_KEEP !== undefined && !result.data.BACKUP_DIR) {
    throw new EnvError(
      'BACKUP_KEEP is set but BACKUP_DIR is not: set the folder the daily backups go to.',
    );
  }
  if (result.data.BACKUP_DIR && result.data.VERCEL_ENV) {
    throw new EnvError(
      'BACKUP_DIR is set on Vercel, whose functions keep no disk: use MongoDB Atlas backups there (README, Backups).',
    );
  }
  const problems = deploymentProblems(result.data, opts.generatedSecrets ?? new Set());
  if (problems.length > 0) {
    throw new EnvError(`Refusing to start a production deployment:\n  ${problems.join('\n  ')}`);
  }
  if (opts.enforceSecrets) {
    const missing = requiredInProduction.filter((k) => !result.data[k]);
    if (missing.length > 0) {
      throw new EnvError(
        `Missing required environment variable${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. ` +
          'Set them in your deployment (see .env.example).',
      );
    }
  }
  return result.data;
}

export function parseClientEnv(source: Source): ClientEnv {
  return clientSchema.parse(clean(source));
}

// `next build` runs in production mode without runtime secrets; they are checked when the server starts.
const building = process.env.NEXT_PHASE === 'phase-production-build';

export const env = parseServerEnv(process.env, {
  enforceSecrets: process.env.NODE_ENV === 'production' && !building,
});

// Each NEXT_PUBLIC_ variable is named in full so Next.js can inline it into the browser bundle.
export const clientEnv = parseClientEnv({
  NEXT_PUBLIC_APP_NAME: process.env.NEXT_PUBLIC_APP_NAME,
  NEXT_PUBLIC_SENTRY_DSN: process.env.NEXT_PUBLIC_SENTRY_DSN,
  NEXT_PUBLIC_SENTRY_RELEASE: process.env.NEXT_PUBLIC_SENTRY_RELEASE,
});

/** Secrets are present in every mode that serves traffic; this narrows them for callers. */
export function requireSecret(name: (typeof requiredInProduction)[number]): string {
  const value = env[name];
  if (!value) {
    throw new EnvError(
      `${name} is not set. Run the app with \`npm run dev\`, which generates it into .data/.`,
    );
  }
  return value;
}
