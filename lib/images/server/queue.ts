import 'server-only';

import { ApiError } from '@/lib/api/errors';

/**
 * A small bounded queue for image work, separate from the request path. Decoding a large image
 * takes a libuv thread (sharp runs there) and hundreds of MB for up to a second or more; 25 at
 * once took the server from 155 MB to 921 MB and another person's `GET /me` from 10 ms to 5–8 s,
 * because the same threads also run the request path's crypto and file I/O. Here at most
 * `concurrency` images are processed at a time (the other libuv threads stay free for requests),
 * at most `maxWaiting` wait behind them (else 503 with Retry-After), and one person holds at most
 * `perPerson` places, running or waiting (else 429 with Retry-After).
 */
export type ImageQueueOptions = {
  concurrency: number;
  maxWaiting: number;
  perPerson: number;
  /** What Retry-After says when full: about how long the queue takes to move on. */
  retryAfterSeconds: number;
};

export type ImageQueue = {
  run<T>(personId: string, work: () => Promise<T>): Promise<T>;
  readonly stats: { running: number; waiting: number };
};

export function createImageQueue(opts: ImageQueueOptions): ImageQueue {
  let running = 0;
  const waiting: (() => void)[] = [];
  const held = new Map<string, number>();

  const release = (personId: string) => {
    const left = (held.get(personId) ?? 1) - 1;
    if (left > 0) held.set(personId, left);
    else held.delete(personId);
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    get stats() {
      return { running, waiting: waiting.length };
    },
    async run(personId, work) {
      if ((held.get(personId) ?? 0) >= opts.perPerson)
        throw new ApiError(
          'rate_limited',
          `You are already sending ${opts.perPerson} images; wait for them to finish, then try again.`,
          { retryAfterSeconds: opts.retryAfterSeconds },
        );
      if (running >= opts.concurrency && waiting.length >= opts.maxWaiting)
        throw new ApiError(
          'unavailable',
          'Parley is busy processing other images right now. Try again in a few seconds.',
          { retryAfterSeconds: opts.retryAfterSeconds },
        );
      held.set(personId, (held.get(personId) ?? 0) + 1);
      // A place is handed over directly on release (running stays counted), so a newcomer can
      // never overtake someone who waited.
      if (running < opts.concurrency) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release(personId);
      }
    },
  };
}
