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
});
