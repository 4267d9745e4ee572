/**
 * How long each store operation takes, for whoever measures it (lib/metrics registers at start
 * in instrumentation.ts; lib/db knows no feature, so it only calls an observer). The observer
 * lives on globalThis: Next.js bundles instrumentation and the routes separately.
 */
type StoreObserver = (operation: string, seconds: number) => void;
const slot = globalThis as unknown as { __parleyStoreObserver?: StoreObserver };

export function setStoreObserver(observer: StoreObserver | undefined): void {
  slot.__parleyStoreObserver = observer;
}

/**
 * Wraps every method of the store: with an observer registered, each call is timed (a rejected
 * call too); without one, the call goes straight through.
 */
export function instrumentStore<S extends object>(store: S): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const observer = slot.__parleyStoreObserver;
        const result: unknown = value.apply(target, args);
        if (!observer || !(result instanceof Promise)) return result;
        const started = performance.now();
        const done = () => observer(property, (performance.now() - started) / 1000);
        result.then(done, done);
        return result;
      };
    },
  });
}
