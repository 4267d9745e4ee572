import type * as jwt from 'next-auth/jwt';
import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { decodeSession } from './session';

const decodes = vi.hoisted(() => ({ count: 0 }));
vi.mock('next-auth/jwt', async (importOriginal) => {
  const actual = await importOriginal<typeof jwt>();
  return {
    ...actual,
    decode: (params: Parameters<typeof actual.decode>[0]) => {
      decodes.count++;
      return actual.decode(params);
    },
  };
});

const cookie = (maxAge: number, sub = `u_${crypto.randomUUID()}`) =>
  encode({
    token: { sub, sv: 2, sid: 'ses_1' },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge,
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('decodeSession', () => {
  it('decodes a cookie value once, then answers it from memory', async () => {
    const value = await cookie(3600, 'u_ana');
    const before = decodes.count;
    expect(await decodeSession(value)).toEqual({ sub: 'u_ana', sv: 2, sid: 'ses_1' });
    expect(await decodeSession(value)).toEqual({ sub: 'u_ana', sv: 2, sid: 'ses_1' });
    expect(decodes.count - before).toBe(1);
  });

  it('refuses a value it decoded before once the token has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const value = await cookie(60);
    expect(await decodeSession(value)).not.toBeNull();
    vi.setSystemTime(Date.now() + 5 * 60_000);
    expect(await decodeSession(value)).toBeNull();
  });

  it('refuses tampered and malformed values, and remembers none of them', async () => {
    const value = await cookie(3600);
    const tampered = `${value.slice(0, -4)}${value.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const before = decodes.count;
    expect(await decodeSession(tampered)).toBeNull();
    expect(await decodeSession(tampered)).toBeNull();
    expect(await decodeSession('not-a-token')).toBeNull();
    expect(await decodeSession(null)).toBeNull();
    expect(decodes.count - before).toBe(3);
  });
});
