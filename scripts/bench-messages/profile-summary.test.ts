import { describe, expect, it } from 'vitest';

import {
  foldedStacks,
  formatProfileSummary,
  shortUrl,
  summarizeProfile,
  type CpuProfile,
} from './profile-summary.mjs';

const frame = (functionName: string, url = '', lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});

/** root → idle, handler → (encode, decode); samples in µs. */
const profile: CpuProfile = {
  startTime: 0,
  endTime: 10_000,
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('handler', 'file:///repo/.next-bench/server/app/route.js', 9) },
    { id: 4, callFrame: frame('encode', 'file:///repo/node_modules/jose/dist/node/jwe.js', 41) },
    { id: 5, callFrame: frame('', 'file:///repo/node_modules/@sentry/core/build/index.js', 1) },
  ],
  // Each sample lasts until the next: 4 → 3000 µs, 3 → 1000, 2 → 4000, 5 → 1000, last → mean.
  samples: [4, 4, 3, 2, 5, 4],
  timeDeltas: [0, 1000, 2000, 1000, 4000, 1000],
};

describe('summarizeProfile', () => {
  it('ranks functions by self time, leaving idle out of the busy share', () => {
    const s = summarizeProfile(profile);
    // 4: 1000 + 2000 (samples 0, 1) + mean 10000/6 for the last sample.
    const encode = s.topFunctions[0];
    expect(encode?.name).toBe('encode jose/…/jwe.js:42');
    expect(encode?.selfMs).toBeCloseTo(4.7, 1);
    expect(s.topFunctions.map((r) => r.name.split(' ')[0])).toEqual([
      'encode',
      'handler',
      '(anonymous)',
    ]);
    expect(s.busyMs).toBeCloseTo(6.7, 1);
    expect(s.wallMs).toBe(10);
    const shares = s.topFunctions.reduce((a, r) => a + r.percentOfBusy, 0);
    expect(shares).toBeCloseTo(100, 0);
  });

  it('adds self time up by file', () => {
    const s = summarizeProfile(profile);
    expect(s.topFiles.map((r) => r.name)).toEqual([
      'jose/…/jwe.js',
      '.next-bench/server/app/route.js',
      '@sentry/core/…/index.js',
    ]);
  });

  it('falls back to hit counts when there are no samples', () => {
    const s = summarizeProfile({
      startTime: 0,
      endTime: 4000,
      nodes: [
        { id: 1, callFrame: frame('a', 'x.js'), hitCount: 3 },
        { id: 2, callFrame: frame('(idle)'), hitCount: 1 },
      ],
    });
    expect(s.busyMs).toBe(3);
    expect(s.topFunctions[0]).toMatchObject({ selfMs: 3, percentOfBusy: 100 });
  });

  it('prints a short table', () => {
    const lines = formatProfileSummary('next-server', summarizeProfile(profile));
    expect(lines[0]).toContain('next-server');
    expect(lines[1]).toMatch(/%\s+4\.7 ms {2}encode jose/);
  });
});

describe('shortUrl', () => {
  it('names the package for node_modules and the build path for .next', () => {
    expect(shortUrl('file:///a/node_modules/next/dist/server/base-server.js')).toBe(
      'next/…/base-server.js',
    );
    expect(shortUrl('node:internal/streams/readable')).toBe('node:internal/streams/readable');
    expect(shortUrl('')).toBe('(native)');
  });
});

describe('foldedStacks', () => {
  it('writes one "caller;callee µs" line per stack with self time, idle left out', () => {
    const tree: CpuProfile = {
      ...profile,
      nodes: profile.nodes.map((n) => ({
        ...n,
        children: n.id === 1 ? [2, 3] : n.id === 3 ? [4, 5] : [],
      })),
    };
    expect(foldedStacks(tree).trim().split('\n')).toEqual([
      'handler .next-bench/server/app/route.js:10 1000',
      'handler .next-bench/server/app/route.js:10;(anonymous) @sentry/core/…/index.js:2 1000',
      'handler .next-bench/server/app/route.js:10;encode jose/…/jwe.js:42 4667',
    ]);
  });
});
