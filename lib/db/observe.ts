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
 * call too, and the synchronous work of SQLite's methods, which happens inside the call, counts);
 * without one, the call goes straight through. One wrapper per method, made on first use: the
 * store is called many times per request, and a property read must not allocate.
 */
export function instrumentStore<S extends object>(store: S): S {
  // Keyed by the method itself too, so a method replaced on the store (a test's spy) is wrapped
  // anew instead of the old one being called.
  const wrappers = new Map<string, { method: unknown; wrapper: unknown }>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      const known = wrappers.get(property);
      if (known?.method === value) return known.wrapper;
      const method = value as (...args: unknown[]) => unknown;
      const wrapper = (...args: unknown[]) => {
        const observer = slot.__parleyStoreObserver;
        if (!observer) return method.apply(target, args);
        const started = performance.now();
        const result = method.apply(target, args);
        if (!(result instanceof Promise)) return result;
        const done = () => observer(property, (performance.now() - started) / 1000);
        result.then(done, done);
        return result;
      };
      wrappers.set(property, { method: value, wrapper });
      return wrapper;
    },
  });
}
