/** Room-to-room calls in flight at once from one fan-out, to keep a room's work bounded. */
const FAN_OUT_CONCURRENCY = 32;

/** Runs `fn` over `items` with at most `limit` calls at once; keeps input order. */
export async function fanOut<T, R>(
  items: readonly T[],
  fn: (item: T) => Promise<R>,
  limit = FAN_OUT_CONCURRENCY,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const queue = items.map((item, index) => ({ item, index }));
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      results[job.index] = await fn(job.item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
