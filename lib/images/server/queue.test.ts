import { describe, expect, it } from 'vitest';

import { ApiError } from '@/lib/api/errors';

import { createImageQueue } from './queue';

/** Work that finishes when the test says so, recording when it started. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, work: () => opened };
}

const options = { concurrency: 1, maxWaiting: 2, perPerson: 2, retryAfterSeconds: 5 };

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('createImageQueue', () => {
  it('runs one image at a time, in arrival order', async () => {
    const queue = createImageQueue({ ...options, maxWaiting: 5, perPerson: 5 });
    const order: string[] = [];
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g, i) =>
      queue.run(`p${i}`, async () => {
        order.push(`start ${i}`);
        await g.work();
        order.push(`end ${i}`);
      }),
    );
    await Promise.resolve();
    expect(queue.stats).toEqual({ running: 1, waiting: 2 });
    gates[2]!.open();
    gates[1]!.open();
    gates[0]!.open();
    await Promise.all(runs);
    expect(order).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
    expect(queue.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('answers 503 with Retry-After when the queue is full, and takes work again after', async () => {
    const queue = createImageQueue(options);
    const g = gate();
    const held = [queue.run('a', g.work), queue.run('b', g.work), queue.run('c', g.work)];
    const error = await refusal(queue.run('d', g.work));
    expect(error).toMatchObject({ status: 503, code: 'unavailable' });
    expect(error.extra.retryAfterSeconds).toBe(5);
    g.open();
    await Promise.all(held);
    await expect(queue.run('d', async () => 'done')).resolves.toBe('done');
  });

  it('answers 429 to a person holding their share, without blocking anyone else', async () => {
    const queue = createImageQueue({ ...options, maxWaiting: 5 });
    const g = gate();
    const mine = [queue.run('me', g.work), queue.run('me', g.work)];
    const error = await refusal(queue.run('me', g.work));
    expect(error).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(error.extra.retryAfterSeconds).toBe(5);
    const other = queue.run('you', async () => 'yours');
    g.open();
    await Promise.all(mine);
    await expect(other).resolves.toBe('yours');
    await expect(queue.run('me', async () => 'again')).resolves.toBe('again');
  });

  it('frees the place of work that failed', async () => {
    const queue = createImageQueue(options);
    await expect(queue.run('me', () => Promise.reject(new Error('bad image')))).rejects.toThrow(
      'bad image',
    );
    expect(queue.stats).toEqual({ running: 0, waiting: 0 });
    await expect(queue.run('me', async () => 1)).resolves.toBe(1);
    await expect(queue.run('me', async () => 2)).resolves.toBe(2);
  });
});
