/**
 * The last hour, minute by minute, kept in the server process for the operations page (people on
 * free tiers without Grafana still see how Parley is doing). Prometheus keeps the history; this
 * is a small ring of 60 buckets, each with counts and a bounded sample of latencies.
 */
const MINUTES = 60;
const SAMPLES_PER_MINUTE = 500;

export type Series =
  'requests' | 'errors' | 'jobsFailed' | 'jobsSucceeded' | 'messages' | 'deliveries';
export type Latency = 'request' | 'publish' | 'ai';
/** A state read now and then (the job backlog, connected sockets): a minute keeps the latest. */
export type Gauge = 'jobsPending' | 'sockets';

type Bucket = {
  minute: number;
  counts: Record<Series, number>;
  latencies: Record<Latency, number[]>;
  gauges: Partial<Record<Gauge, number>>;
};

export type MinutePoint = {
  /** Start of the minute, ms since the epoch. */
  at: number;
  counts: Record<Series, number>;
  p50: Record<Latency, number | null>;
  p95: Record<Latency, number | null>;
  p99: Record<Latency, number | null>;
  /** Null for a minute without a reading. */
  gauges: Record<Gauge, number | null>;
};

const emptyBucket = (minute: number): Bucket => ({
  minute,
  counts: {
    requests: 0,
    errors: 0,
    jobsFailed: 0,
    jobsSucceeded: 0,
    messages: 0,
    deliveries: 0,
  },
  latencies: { request: [], publish: [], ai: [] },
  gauges: {},
});

export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? null;
}

export class RecentActivity {
  private readonly buckets = new Map<number, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  private bucket(): Bucket {
    const minute = Math.floor(this.now() / 60_000);
    let bucket = this.buckets.get(minute);
    if (!bucket) {
      bucket = emptyBucket(minute);
      this.buckets.set(minute, bucket);
      for (const key of this.buckets.keys()) if (key <= minute - MINUTES) this.buckets.delete(key);
    }
    return bucket;
  }

  count(series: Series, by = 1): void {
    this.bucket().counts[series] += by;
  }

  /** Records a latency in seconds; past the per-minute cap, a random sample replaces one kept. */
  latency(kind: Latency, seconds: number): void {
    const samples = this.bucket().latencies[kind];
    if (samples.length < SAMPLES_PER_MINUTE) samples.push(seconds);
    else samples[Math.floor(Math.random() * SAMPLES_PER_MINUTE)] = seconds;
  }

  /** Records a reading of a state (the minute keeps the latest). */
  sample(gauge: Gauge, value: number): void {
    this.bucket().gauges[gauge] = value;
  }

  /** The last 60 minutes, oldest first, with empty minutes filled in. */
  snapshot(): MinutePoint[] {
    const current = Math.floor(this.now() / 60_000);
    const points: MinutePoint[] = [];
    for (let minute = current - MINUTES + 1; minute <= current; minute++) {
      const bucket = this.buckets.get(minute) ?? emptyBucket(minute);
      const p50 = {} as Record<Latency, number | null>;
      const p95 = {} as Record<Latency, number | null>;
      const p99 = {} as Record<Latency, number | null>;
      for (const kind of ['request', 'publish', 'ai'] as const) {
        const sorted = [...bucket.latencies[kind]].sort((a, b) => a - b);
        p50[kind] = quantile(sorted, 0.5);
        p95[kind] = quantile(sorted, 0.95);
        p99[kind] = quantile(sorted, 0.99);
      }
      points.push({
        at: minute * 60_000,
        counts: { ...bucket.counts },
        p50,
        p95,
        p99,
        gauges: {
          jobsPending: bucket.gauges.jobsPending ?? null,
          sockets: bucket.gauges.sockets ?? null,
        },
      });
    }
    return points;
  }
}

const holder = globalThis as unknown as { __parleyRecent?: RecentActivity };

/** The process's one recorder (on globalThis: routes and instrumentation are separate bundles). */
export function recentActivity(): RecentActivity {
  holder.__parleyRecent ??= new RecentActivity();
  return holder.__parleyRecent;
}
