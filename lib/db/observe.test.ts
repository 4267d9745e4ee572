import { afterEach, describe, expect, it } from 'vitest';

import { instrumentStore, setStoreObserver } from './observe';

afterEach(() => setStoreObserver(undefined));

const fakeStore = {
  kind: 'sqlite' as const,
  async getUser({ id }: { id: string }) {
    return { id };
  },
  async failing() {
    throw new Error('busy');
  },
};

describe('instrumentStore', () => {
  it('times each operation by name, failures included, and keeps results', async () => {
    const seen: [string, number][] = [];
    setStoreObserver((operation, seconds) => seen.push([operation, seconds]));
    const store = instrumentStore(fakeStore);
    await expect(store.getUser({ id: 'u1' })).resolves.toEqual({ id: 'u1' });
    await expect(store.failing()).rejects.toThrow('busy');
    expect(store.kind).toBe('sqlite');
    expect(seen.map(([op]) => op)).toEqual(['getUser', 'failing']);
    expect(seen.every(([, s]) => s >= 0)).toBe(true);
  });

  it('passes calls straight through without an observer', async () => {
    const store = instrumentStore(fakeStore);
    await expect(store.getUser({ id: 'u2' })).resolves.toEqual({ id: 'u2' });
  });

  it('counts the work a method does before it returns its promise (SQLite works synchronously)', async () => {
    const seen: number[] = [];
    setStoreObserver((_operation, seconds) => seen.push(seconds));
    const store = instrumentStore({
      busy() {
        const until = performance.now() + 20;
        while (performance.now() < until) {
          // the synchronous part of a query
        }
        return Promise.resolve('done');
      },
    });
    await expect(store.busy()).resolves.toBe('done');
    expect(seen[0]).toBeGreaterThanOrEqual(0.02);
  });

  it('hands out one wrapper per method, and a new one when the method is replaced', () => {
    const target = { ping: async () => {} };
    const store = instrumentStore(target);
    expect(store.ping).toBe(store.ping);
    const before = store.ping;
    target.ping = async () => {};
    expect(store.ping).not.toBe(before);
  });
});
