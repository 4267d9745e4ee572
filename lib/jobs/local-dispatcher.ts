import type { Store } from '@/lib/db/store';
import { log } from '@/lib/log';

import type { JobRegistry } from './registry';
import { LEASE_MARGIN_MS, runJob, timeoutOf } from './runner';

export type LocalDispatcher = {
  /** Starts polling (idempotent). */
  start(): void;
  /** Stops polling and resolves once the attempts under way have finished. */
  stop(): Promise<void>;
  /** Looks for due jobs soon (after an enqueue or a retry), instead of at the next poll. */
  nudge(): void;
  /** One pass: claims what is due (up to the free slots); resolves when the pass has claimed. */
  tick(): Promise<void>;
  /** Resolves when no attempt is running and no pass is under way (for tests and stop()). */
  idle(): Promise<void>;
};

export type LocalDispatcherOptions = {
  store: Store | (() => Promise<Store>);
  registry: JobRegistry;
  /** How often to look for due jobs (delayed jobs and retries come due on their own). */
  pollMs?: number;
  /** Attempts running at once in this process. */
  concurrency?: number;
  /** Added to the longest job timeout to make the lease: past it, another process may re-run. */
  leaseMarginMs?: number;
  backoffBaseMs?: number;
  now?: () => Date;
  /** Succeeded jobs older than this are deleted (about once an hour). */
  keepSucceededMs?: number;
  pruneEveryMs?: number;
  /**
   * How often outbox entries that a crash left unrelayed are turned into jobs (MongoDB only;
   * SQLite writes jobs in the write's own transaction), and how old such an entry must be.
   */
  relayEveryMs?: number;
  relayGraceMs?: number;
};

const DAY = 86_400_000;

/**
 * The embedded queue's worker: polls `store.claimDueJobs` and runs what it claims in this
 * process. Claiming is atomic in the store, so several server processes can share one SQLite
 * file or one MongoDB database without running a job twice. A job a crashed process was running
 * comes back when its lease expires; jobs pending when the process stopped run when it starts
 * again, since they are rows in the store.
 */
export function createLocalDispatcher(opts: LocalDispatcherOptions): LocalDispatcher {
  const pollMs = opts.pollMs ?? 1_000;
  // Jobs mostly wait on I/O (push services, the AI provider): a streaming reply must not hold
  // up notifications for long, so a few run side by side.
  const concurrency = opts.concurrency ?? 4;
  const leaseMarginMs = opts.leaseMarginMs ?? LEASE_MARGIN_MS;
  const now = opts.now ?? (() => new Date());
  const keepSucceededMs = opts.keepSucceededMs ?? 7 * DAY;
  const pruneEveryMs = opts.pruneEveryMs ?? 3_600_000;
  const relayEveryMs = opts.relayEveryMs ?? 30_000;
  const relayGraceMs = opts.relayGraceMs ?? 30_000;
  const registry = opts.registry;
  const longestTimeout = Math.max(0, ...Object.values(registry).map(timeoutOf));

  const running = new Set<Promise<void>>();
  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pass: Promise<void> | null = null;
  let again = false;
  let lastPrune = 0;
  let lastRelay = 0;

  const getStore = async () => (typeof opts.store === 'function' ? opts.store() : opts.store);

  function schedule(delayMs: number) {
    if (!started) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), delayMs);
    // A Node server exits when asked to; a poll timer is no reason to stay up.
    timer.unref?.();
  }

  async function prune(store: Pick<Store, 'pruneJobs'>) {
    const at = now().getTime();
    if (at - lastPrune < pruneEveryMs) return;
    lastPrune = at;
    const removed = await store.pruneJobs({ before: new Date(at - keepSucceededMs) });
    if (removed > 0) log.info({ removed }, 'pruned succeeded jobs');
  }

  async function relay(store: Pick<Store, 'relayOutbox'>) {
    const at = now().getTime();
    if (at - lastRelay < relayEveryMs) return;
    lastRelay = at;
    const relayed = await store.relayOutbox({ before: new Date(at - relayGraceMs), limit: 100 });
    if (relayed > 0) log.warn({ relayed }, 'relayed outbox entries a crash had left behind');
  }

  async function claimAndRun() {
    const store = await getStore();
    await prune(store);
    await relay(store);
    const free = concurrency - running.size;
    if (free <= 0) return;
    const jobs = await store.claimDueJobs({
      now: now(),
      limit: free,
      leaseMs: longestTimeout + leaseMarginMs,
    });
    for (const job of jobs) {
      const attempt = runJob({ store, registry, job, now, backoffBaseMs: opts.backoffBaseMs })
        .then((result) => {
          if (result.status !== 'succeeded')
            log.warn({ jobId: job.id, name: job.name, ...result }, 'job attempt failed');
        })
        .catch((error: unknown) => {
          // Only the store can fail here (runJob catches the handler's errors); the lease
          // expires and the job is claimed again.
          log.error(
            { err: error, jobId: job.id, name: job.name },
            'could not record a job attempt',
          );
        })
        .finally(() => {
          running.delete(attempt);
          // A slot is free: there may be more due jobs waiting for it.
          if (started) schedule(0);
        });
      running.add(attempt);
    }
    // A full batch suggests more are due; look again as soon as a slot frees up.
    if (jobs.length === free) again = true;
  }

  function tick(): Promise<void> {
    if (pass) {
      again = true;
      return pass;
    }
    pass = (async () => {
      try {
        do {
          again = false;
          await claimAndRun();
        } while (again && running.size < concurrency && started);
      } catch (error) {
        log.error({ err: error }, 'job dispatcher pass failed');
      } finally {
        pass = null;
        schedule(pollMs);
      }
    })();
    return pass;
  }

  async function idle() {
    while (pass || running.size > 0) {
      await Promise.allSettled([pass, ...running]);
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      await idle();
    },
    nudge() {
      // At once (the next macrotask: a burst of commits in one task is claimed in one pass),
      // instead of at the next poll.
      if (started && !pass) schedule(0);
      else if (pass) again = true;
    },
    tick,
    idle,
  };
}

// One dispatcher per server process, kept on globalThis like the store (lib/db/index.ts) so a
// `next dev` hot reload reuses it instead of starting a second one.
const cache = globalThis as unknown as { __parleyJobDispatcher?: LocalDispatcher };

/** Starts this process's dispatcher, or returns the one already running. */
export function startLocalDispatcher(opts: LocalDispatcherOptions): LocalDispatcher {
  if (!cache.__parleyJobDispatcher) {
    cache.__parleyJobDispatcher = createLocalDispatcher(opts);
    cache.__parleyJobDispatcher.start();
  }
  return cache.__parleyJobDispatcher;
}

/** Stops this process's dispatcher, waiting for its running attempts. */
export async function stopLocalDispatcher(): Promise<void> {
  const dispatcher = cache.__parleyJobDispatcher;
  cache.__parleyJobDispatcher = undefined;
  await dispatcher?.stop();
}

/** Tells this process's dispatcher that a job is due; a no-op where none runs (QStash, tests). */
export function nudgeLocalDispatcher(): void {
  cache.__parleyJobDispatcher?.nudge();
}
