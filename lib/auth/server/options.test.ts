import { afterEach, describe, expect, it, vi } from 'vitest';

async function load(envs: Record<string, string>) {
  for (const [k, v] of Object.entries(envs)) vi.stubEnv(k, v);
  vi.resetModules();
  return import('./options');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('sign-in providers', () => {
  it('offers only email and password when no OAuth app is configured', async () => {
    const { authOptions, configuredProviders } = await load({});
    expect(configuredProviders()).toEqual([]);
    expect(authOptions.providers.map((p) => p.id)).toEqual(['credentials']);
  });

  it('adds GitHub only when both its id and secret are set', async () => {
    expect((await load({ GITHUB_ID: 'gh-id' })).configuredProviders()).toEqual([]);
    const { authOptions, configuredProviders } = await load({
      GITHUB_ID: 'gh-id',
      GITHUB_SECRET: 'gh-secret',
    });
    expect(configuredProviders()).toEqual([{ id: 'github', name: 'GitHub' }]);
    expect(authOptions.providers.map((p) => p.id)).toEqual(['credentials', 'github']);
  });

  it('adds Google when configured, next to GitHub', async () => {
    const { authOptions } = await load({
      GITHUB_ID: 'a',
      GITHUB_SECRET: 'b',
      GOOGLE_CLIENT_ID: 'c',
      GOOGLE_CLIENT_SECRET: 'd',
    });
    expect(authOptions.providers.map((p) => p.id)).toEqual(['credentials', 'github', 'google']);
  });

  it('redirects only to paths on our own origin after sign-in and sign-out', async () => {
    const { authOptions } = await load({});
    const redirect = authOptions.callbacks!.redirect!;
    const baseUrl = 'http://localhost:3000';
    expect(await redirect({ url: '/chats/c_1', baseUrl })).toBe(`${baseUrl}/chats/c_1`);
    for (const url of [
      '/\t/evil.test/phish',
      'http://evil.test/phish',
      '//evil.test',
      '/\\evil.test',
    ])
      expect(await redirect({ url, baseUrl })).toBe(`${baseUrl}/chats`);
  });

  it('puts the Parley user id on the session', async () => {
    const { authOptions } = await load({});
    const session = await authOptions.callbacks!.session!({
      session: { user: { name: 'Ana' }, expires: '2030-01-01' },
      token: { sub: 'u_abc' },
    } as Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>['session']>>[0]);
    expect(session.user).toEqual({ name: 'Ana', id: 'u_abc' });
  });
});
