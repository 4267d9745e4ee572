/**
 * The free tiers Parley is meant to fit, one entry per limit that a team's day can use up: value,
 * unit, period, the page it comes from and the day it was checked. `npm run bench:budget` compares
 * a simulated day with these (lib/budget/report.ts). Providers change their tiers: when one does,
 * change the entry and its `checked` date together.
 *
 * Monthly limits are compared as a day's share (value / 30); daily ones as they are.
 */
export type FreeTierLimit = {
  id: string;
  service:
    | 'QStash'
    | 'Upstash Redis'
    | 'Vercel'
    | 'PartyKit (Cloudflare)'
    | 'MongoDB Atlas'
    | 'Email'
    | 'AI';
  what: string;
  value: number;
  unit: string;
  period: 'day' | 'month' | 'total';
  source: string;
  checked: string;
  /** What happens when it runs out, and what Parley does then. */
  whenExhausted: string;
};

export const FREE_TIERS = [
  {
    id: 'qstash.messages',
    service: 'QStash',
    what: 'messages (every delivery attempt, retries included)',
    value: 1_000,
    unit: 'messages',
    period: 'day',
    source: 'https://upstash.com/pricing/qstash (Free: 1,000 messages per day)',
    checked: '2026-12-06',
    whenExhausted:
      'publish is refused; jobs run in-process after the response, the outbox keeps them',
  },
  {
    id: 'upstash.commands',
    service: 'Upstash Redis',
    what: 'commands',
    value: 500_000,
    unit: 'commands',
    period: 'month',
    source: 'https://upstash.com/pricing/redis (Free: 500K commands per month, 256 MB)',
    checked: '2026-12-06',
    whenExhausted: 'commands fail; rate limits fall back to per-instance memory (stricter)',
  },
  {
    id: 'vercel.invocations',
    service: 'Vercel',
    what: 'function invocations',
    value: 1_000_000,
    unit: 'invocations',
    period: 'month',
    source: 'https://vercel.com/pricing (Hobby: 1M function invocations per month)',
    checked: '2026-12-06',
    whenExhausted: 'the project is paused until the month ends',
  },
  {
    id: 'vercel.active-cpu',
    service: 'Vercel',
    what: 'active CPU',
    value: 4 * 3600,
    unit: 'CPU-seconds',
    period: 'month',
    source: 'https://vercel.com/pricing (Hobby: 4 hours of active CPU per month)',
    checked: '2026-12-06',
    whenExhausted: 'the project is paused until the month ends',
  },
  {
    id: 'partykit.requests',
    service: 'PartyKit (Cloudflare)',
    what: 'Durable Object requests (HTTP, WebSocket connects, incoming WebSocket messages)',
    value: 100_000,
    unit: 'requests',
    period: 'day',
    source:
      'https://developers.cloudflare.com/durable-objects/platform/pricing/ (Workers Free: 100,000 requests per day; PartyKit deploys to your Cloudflare account)',
    checked: '2026-12-06',
    whenExhausted: 'further requests fail until 00:00 UTC; clients resync over HTTP',
  },
  {
    id: 'mongodb.storage',
    service: 'MongoDB Atlas',
    what: 'storage (M0)',
    value: 512 * 1024 * 1024,
    unit: 'bytes',
    period: 'total',
    source: 'https://www.mongodb.com/docs/atlas/reference/free-shared-limitations/ (M0: 512 MB)',
    checked: '2026-12-06',
    whenExhausted: 'writes are refused',
  },
  {
    id: 'email.messages',
    service: 'Email',
    what: 'emails sent (Brevo free plan)',
    value: 300,
    unit: 'emails',
    period: 'day',
    source: 'https://www.brevo.com/pricing/ (Free: 300 emails per day, any SMTP relay works)',
    checked: '2026-12-06',
    whenExhausted:
      'the relay refuses; digests retry, then fail (in-app and push still reach people)',
  },
] as const satisfies readonly FreeTierLimit[];

export type FreeTierId = (typeof FREE_TIERS)[number]['id'];

/** A limit as a daily allowance: a monthly one shared over 30 days; a total one as it is. */
export function dailyAllowance(limit: Pick<FreeTierLimit, 'value' | 'period'>): number {
  return limit.period === 'month' ? limit.value / 30 : limit.value;
}
