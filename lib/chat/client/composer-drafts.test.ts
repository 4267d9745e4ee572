import { describe, expect, it } from 'vitest';

import { draftKey, readDrafts, writeDraft, type DraftStorage } from './composer-drafts';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

describe('composer drafts in localStorage', () => {
  it('keeps one draft per person and conversation', () => {
    const storage = memoryStorage();
    writeDraft(storage, 'u_ana', 'c_1', 'half a thought');
    writeDraft(storage, 'u_ana', 'c_2', 'another');
    writeDraft(storage, 'u_ben', 'c_1', 'Ben on the same browser');
    expect(readDrafts(storage, 'u_ana')).toEqual({ c_1: 'half a thought', c_2: 'another' });
    expect(readDrafts(storage, 'u_ben')).toEqual({ c_1: 'Ben on the same browser' });
    expect(storage.map.get(draftKey('u_ana', 'c_1'))).toBe('half a thought');
  });

  it('forgets a draft that was cleared or is only whitespace', () => {
    const storage = memoryStorage();
    writeDraft(storage, 'u_ana', 'c_1', 'something');
    writeDraft(storage, 'u_ana', 'c_1', '  \n ');
    expect(readDrafts(storage, 'u_ana')).toEqual({});
    expect(storage.length).toBe(0);
  });

  it('does not throw when storage refuses the write (quota, private mode)', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => writeDraft(storage, 'u_ana', 'c_1', 'text')).not.toThrow();
  });

  it('ignores other keys and another person whose id starts the same', () => {
    const storage = memoryStorage();
    storage.setItem('parley-theme', 'dark');
    writeDraft(storage, 'u_an', 'c_1', 'not Ana');
    expect(readDrafts(storage, 'u_ana')).toEqual({});
  });
});
