import { afterEach, describe, expect, it } from 'vitest';

import {
  observeRequest,
  routePattern,
  setRequestObserver,
  type RequestObservation,
} from './observe';
import { route } from './route';

afterEach(() => setRequestObserver(undefined));

describe('routePattern', () => {
  it('puts each dynamic segment back as its name', () => {
    expect(routePattern('/api/v1/conversations/c_1/messages', { id: 'c_1' })).toBe(
      '/api/v1/conversations/[id]/messages',
    );
    expect(
      routePattern('/api/v1/conversations/c_1/members/u_2', { id: 'c_1', userId: 'u_2' }),
    ).toBe('/api/v1/conversations/[id]/members/[userId]');
  });

  it('matches encoded segments by their decoded value (emoji reactions)', () => {
    expect(
      routePattern('/api/v1/messages/m_1/reactions/%F0%9F%91%8D', { id: 'm_1', emoji: '👍' }),
    ).toBe('/api/v1/messages/[id]/reactions/[emoji]');
  });

  it('fills a catch-all and two params with the same value', () => {
    expect(routePattern('/api/auth/callback/github', { nextauth: ['callback', 'github'] })).toBe(
      '/api/auth/[...nextauth]',
    );
    expect(routePattern('/a/x/b/x', { one: 'x', two: 'x' })).toBe('/a/[one]/b/[two]');
  });

  it('leaves a path without params as it is', () => {
    expect(routePattern('/api/health', {})).toBe('/api/health');
  });
});

describe('route() observation', () => {
  it('reports the pattern, method, status and time of every answer, errors included', async () => {
    const seen: RequestObservation[] = [];
    setRequestObserver((o) => seen.push(o));
    const handler = route({}, () => {
      throw new Error('boom');
    });
    const res = await handler(new Request('http://t/api/v1/things/t_9', { method: 'DELETE' }), {
      params: Promise.resolve({ id: 't_9' }),
    });
    expect(res.status).toBe(500);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ route: '/api/v1/things/[id]', method: 'DELETE', status: 500 });
    expect(seen[0]?.seconds).toBeGreaterThanOrEqual(0);
  });

  it('costs nothing when no observer is registered', () => {
    expect(() =>
      observeRequest({ route: '/x', method: 'GET', status: 200, seconds: 0 }),
    ).not.toThrow();
  });
});
