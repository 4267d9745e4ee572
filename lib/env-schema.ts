import { z } from 'zod';

import { parseRange, type IpRange } from './net/ip';

/** The schemas of lib/env.ts: every variable the server reads, and those the browser may see. */

const secret = z.string().min(32, 'must be at least 32 characters');
const optionalUrl = z.url().optional();
/** Comma-separated ICE server URLs of the given schemes (`stun:host:3478, stuns:host`). */
const iceUrls = (schemes: string) =>
  z
    .string()
    .refine(
      (value) =>
        value
          .split(',')
          .map((url) => url.trim())
          .filter(Boolean)
          .every((url) => new RegExp(`^(${schemes}):[^\\s]+$`).test(url)),
      `must be comma-separated ${schemes.replaceAll('|', ' or ')} URLs`,
    )
    .optional();

export const serverSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Where the embedded adapters keep their files (SQLite, uploads, outbox, secrets). */
  PARLEY_DATA_DIR: z.string().min(1).default('.data'),
  /** SQLite file for the embedded store; defaults to <PARLEY_DATA_DIR>/parley.db. ':memory:' in tests. */
  SQLITE_PATH: z.string().min(1).optional(),
  /** Signs NextAuth session JWTs. */
  NEXTAUTH_SECRET: secret.optional(),
  /** The app's public URL, used for absolute links and job callbacks. */
  NEXTAUTH_URL: optionalUrl,
  /** Shared by Next.js and PartyKit: authorizes server-to-room publish requests. */
  PARTY_SECRET: secret.optional(),
  /** HS256 key for short-lived room tokens, verified by the party in onBeforeConnect. */
  ROOM_TOKEN_KEY: secret.optional(),
  /** host[:port] of the PartyKit server; `partykit dev` listens on 127.0.0.1:1999. */
  PARTYKIT_HOST: z.string().min(1).default('127.0.0.1:1999'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Bearer token for `GET /api/metrics` (Prometheus text). Unset: the route answers 404 in
   * production and serves anyone on a development server (a laptop).
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * Where to push the same metrics over OTLP/HTTP (JSON), for hosts a Prometheus cannot scrape
   * (Vercel): the base URL, `/v1/metrics` is appended (Grafana Cloud: its OTLP endpoint).
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** Headers for the OTLP push, `k=v,k2=v2` (Grafana Cloud: `Authorization=Basic <base64>`). */
  OTEL_EXPORTER_OTLP_HEADERS: z.string().max(4000).optional(),
  /** How often the OTLP push runs, in milliseconds (OpenTelemetry's variable; 60 s default). */
  OTEL_METRIC_EXPORT_INTERVAL: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /**
   * `off` turns every rate limit off (sign-up, sign-in, sends, ...). Only for load tests on a
   * throw-away server: `npm run bench:messages` sets it on the server it starts. Refused on
   * Vercel deployments (VERCEL_ENV set), so it cannot reach a real one by accident.
   */
  PARLEY_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  /**
   * `off` leaves out the per-request work of observability: request and store-operation latency
   * metrics and trace context (the counters stay). For measuring what it costs: `npm run
   * bench:messages -- --observability=off` sets it on the server it starts (#13: on vs off).
   */
  PARLEY_OBSERVABILITY: z.enum(['on', 'off']).default('on'),
  /**
   * Sign-ups allowed per IP address per hour (20 by default). The end-to-end suite signs up many
   * people from one address and raises it on its throw-away server (playwright.config.ts).
   */
  SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  /**
   * Proxies (comma-separated addresses or CIDRs) whose X-Forwarded-For is believed. Unset, the
   * header is ignored and the caller is the address the socket saw (lib/api/client-address.ts).
   */
  TRUSTED_PROXIES: z
    .string()
    .transform((value, ctx): IpRange[] => {
      const ranges: IpRange[] = [];
      for (const item of value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)) {
        const range = parseRange(item);
        if (range) ranges.push(range);
        else ctx.addIssue({ code: 'custom', message: `"${item}" is not an IP address or CIDR` });
      }
      return ranges;
    })
    .default([]),
  /**
   * Set by scripts/peer-address.mjs, which `npm run dev`/`npm start` preload into Next.js: the
   * socket's address then arrives in the x-parley-peer-address header (Next.js does not expose it).
   */
  PARLEY_PEER_ADDRESS_HEADER: z.enum(['0', '1']).default('0'),
  /** Set by Vercel on its deployments: the caller's address comes from Vercel's own headers. */
  VERCEL: z.enum(['0', '1']).optional(),
  /** Switches the store to MongoDB (mongoose); unset, the embedded SQLite store is used. */
  MONGODB_URI: z.string().startsWith('mongodb').optional(),
  /** Database name; defaults to `parley`, or `parley-preview-<branch>` on Vercel previews. */
  MONGODB_DB: z.string().min(1).max(63).optional(),
  /** OAuth sign-in: each provider appears when both its id and secret are set. */
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /** Vercel Blob for uploads; unset, files go to <PARLEY_DATA_DIR>/uploads. */
  BLOB_READ_WRITE_TOKEN: z.string().min(1).optional(),
  /** Calls: an unanswered call rings this long before it counts as missed (tests shorten it). */
  CALL_RING_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Calls: STUN servers handed to browsers (none: peers connect on one machine or LAN only). */
  ICE_STUN_URLS: iceUrls('stun|stuns'),
  /** Calls: TURN relays, for peers behind NATs that STUN cannot cross. Need credentials below. */
  TURN_URLS: iceUrls('turn|turns'),
  /** TURN REST API shared secret (coturn `static-auth-secret`): short-lived HMAC credentials. */
  TURN_SECRET: z.string().min(1).optional(),
  /** Static TURN credentials, when the TURN service gives fixed ones instead of a secret. */
  TURN_USERNAME: z.string().min(1).optional(),
  TURN_CREDENTIAL: z.string().min(1).optional(),
  /** Lifetime of HMAC TURN credentials; longer than any call (a relay re-authenticates). */
  TURN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .default(86_400),
  /** Jobs: people (comma-separated emails) who see the jobs page; the first person to sign up always does. */
  ADMIN_EMAILS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    )
    .optional(),
  /** Jobs: authorizes the local dispatcher and `npm run jobs` at /api/jobs/* (generated in development). */
  JOBS_SECRET: secret.optional(),
  /** Jobs: QStash delivers jobs when its token is set; the signing keys verify its deliveries. */
  QSTASH_TOKEN: z.string().min(1).optional(),
  QSTASH_URL: optionalUrl,
  QSTASH_CURRENT_SIGNING_KEY: z.string().min(1).optional(),
  QSTASH_NEXT_SIGNING_KEY: z.string().min(1).optional(),
  /** Rate limits shared by every server instance (Upstash Redis REST); unset, process memory. */
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
  /** Web push: VAPID keys (npx web-push generate-vapid-keys); unset, generated into <data dir>/vapid.json. */
  VAPID_PUBLIC_KEY: z.string().min(1).optional(),
  VAPID_PRIVATE_KEY: z.string().min(1).optional(),
  /** Web push: who push services contact about this sender (mailto: or https:). */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://')
    .default('mailto:admin@parley.invalid'),
  /** Email: an SMTP URL (smtps://user:pass@host:465); unset, emails are .eml files in <data dir>/outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  EMAIL_FROM: z.string().min(3).default('Parley <no-reply@parley.invalid>'),
  /** Email: unread mentions and DMs older than this many minutes go out in a digest. */
  EMAIL_DIGEST_DELAY_MINUTES: z.coerce.number().min(0.05).max(10_080).default(10),
  /**
   * Email: at most one digest per person in this many minutes (its window), so a busy day makes a
   * few fuller emails, not one per burst: free email relays allow about 300 a day (lib/budget).
   */
  EMAIL_DIGEST_EVERY_MINUTES: z.coerce.number().min(0.05).max(10_080).default(120),
  /** AI assistant: any OpenAI-compatible chat-completions API (Groq by default). */
  AI_BASE_URL: z.url().default('https://api.groq.com/openai/v1'),
  AI_API_KEY: z.string().min(1).optional(),
  AI_MODEL: z.string().min(1).default('llama-3.3-70b-versatile'),
  /** AI assistant: a reply that takes longer than this is abandoned with a message saying so. */
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** AI assistant: how much recent conversation (approximate tokens) goes into a request. */
  AI_CONTEXT_TOKENS: z.coerce.number().int().min(200).max(200_000).default(4_000),
  /** AI assistant: requests one person may make per hour. */
  AI_REQUESTS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
  /**
   * Backups: a folder for the daily backup job (an archive of the SQLite store and uploads, or an
   * NDJSON export with MongoDB). Unset, there is no daily job; `npm run backup` works regardless.
   */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Backups: how many daily backups to keep (default 7; needs BACKUP_DIR). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(366).optional(),
  /**
   * `production` marks a self-hosted production deployment (Vercel sets VERCEL_ENV instead): the
   * start is refused with a development secret or a local NEXTAUTH_URL (lib/env-deployment.ts).
   */
  PARLEY_ENV: z.enum(['development', 'staging', 'production']).optional(),
  /** Set by Vercel; shown by the health route and used to name preview databases. */
  VERCEL_GIT_COMMIT_SHA: z.string().optional(),
  VERCEL_GIT_COMMIT_REF: z.string().optional(),
  VERCEL_ENV: z.enum(['production', 'preview', 'development']).optional(),
  /** Sentry for the server, the edge and the rooms; unset, nothing is sent and nothing loads. */
  SENTRY_DSN: z.url().optional(),
  /** Defaults to VERCEL_ENV, else development/production from NODE_ENV. */
  SENTRY_ENVIRONMENT: z.string().min(1).max(64).optional(),
  /** Share of requests traced (0–1); errors are always sent. */
  SENTRY_TRACES_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0.1),
  /** The release name events carry; defaults to the commit (VERCEL_GIT_COMMIT_SHA or git). */
  SENTRY_RELEASE: z.string().min(1).max(200).optional(),
});

/** Variables the browser may see (inlined by Next.js at build time). */
export const clientSchema = z.object({
  NEXT_PUBLIC_APP_NAME: z.string().min(1).default('Parley'),
  /** Sentry in the browser (events go through the /api/monitoring tunnel); unset, it never loads. */
  NEXT_PUBLIC_SENTRY_DSN: z.url().optional(),
  /** The commit, baked in at build by next.config.js: the release Sentry events carry. */
  NEXT_PUBLIC_SENTRY_RELEASE: z.string().min(1).max(200).optional(),
});
