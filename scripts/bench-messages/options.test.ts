import { describe, expect, it } from 'vitest';

import { capacityRates, DEFAULT_CONNECTIONS, rawFlag, readOptions } from './options.mjs';

describe('readOptions', () => {
  it('defaults to the fixed-rate run: 100 msg/s, 20 groups of 5, 20 s, with the relay', () => {
    const { config, problems } = readOptions([], {});
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      rate: 100,
      groups: 20,
      groupSize: 5,
      durationSeconds: 20,
      relay: true,
      fixedRate: true,
      findCapacity: false,
      connections: null,
      profile: false,
      profileHistory: false,
      observability: 'on',
    });
  });

  it('has everyone look at their group with --looking (or BENCH_LOOKING=1), not by default', () => {
    expect(readOptions([], {}).config.looking).toBe(false);
    expect(readOptions(['--looking'], {}).config.looking).toBe(true);
    expect(readOptions([], { BENCH_LOOKING: '1' }).config.looking).toBe(true);
  });

  it('turns metrics and tracing off on the bench server with --observability=off', () => {
    expect(readOptions(['--observability=off'], {}).config.observability).toBe('off');
    expect(readOptions([], { BENCH_OBSERVABILITY: 'no' }).config.observability).toBe('off');
    expect(readOptions(['--observability', 'on'], {}).config.observability).toBe('on');
  });

  it('--compare-observability replaces the fixed-rate run with alternating rounds (6 unless told)', () => {
    const { config } = readOptions(['--compare-observability'], {});
    expect(config).toMatchObject({
      compareObservability: true,
      fixedRate: false,
      observabilityRounds: 6,
    });
    expect(
      readOptions(['--compare-observability', '--observability-rounds=4'], {}).config
        .observabilityRounds,
    ).toBe(4);
    expect(readOptions(['--compare-observability', '--fixed'], {}).config.fixedRate).toBe(true);
  });

  it('takes --flag=value, --flag value and the environment, flags first', () => {
    expect(readOptions(['--rate=150'], { BENCH_RATE: '50' }).config.rate).toBe(150);
    expect(readOptions(['--rate', '120'], {}).config.rate).toBe(120);
    expect(readOptions([], { BENCH_RATE: '50' }).config.rate).toBe(50);
    expect(readOptions(['--no-relay'], {}).config.relay).toBe(false);
    expect(readOptions([], { BENCH_RELAY: '0' }).config.relay).toBe(false);
  });

  it('reads --connections alone as 5000 and --connections N as N, replacing the fixed run', () => {
    const bare = readOptions(['--connections', '--rate=10'], {}).config;
    expect(bare.connections).toBe(DEFAULT_CONNECTIONS);
    expect(bare.fixedRate).toBe(false);
    expect(readOptions(['--connections', '2000'], {}).config.connections).toBe(2000);
    expect(readOptions(['--connections=300'], {}).config.connections).toBe(300);
  });

  it('keeps the fixed run beside --find-capacity only with --fixed', () => {
    expect(readOptions(['--find-capacity'], {}).config.fixedRate).toBe(false);
    expect(readOptions(['--find-capacity', '--fixed'], {}).config).toMatchObject({
      fixedRate: true,
      findCapacity: true,
    });
  });

  it('lists every malformed number instead of running with a guess', () => {
    const { problems } = readOptions(['--rate=fast', '--groups=2.5', '--connections=3'], {});
    expect(problems).toHaveLength(3);
    const text = problems.join('\n');
    expect(text).toContain('--rate / BENCH_RATE must be a number ≥ 0.1 (got fast)');
    expect(text).toContain('--groups / BENCH_GROUPS must be a whole number ≥ 1 (got 2.5)');
    expect(text).toContain('--connections / BENCH_CONNECTIONS must be a whole number ≥ 10 (got 3)');
  });

  it('treats 0, false and no as off for switches', () => {
    expect(readOptions(['--profile=no'], {}).config.profile).toBe(false);
    expect(readOptions([], { BENCH_PROFILE: '1' }).config.profile).toBe(true);
  });
});

describe('rawFlag', () => {
  it('does not take the next flag as a value', () => {
    expect(rawFlag(['--connections', '--profile'], 'connections')).toBe('');
    expect(rawFlag(['--profile'], 'connections')).toBeUndefined();
  });
});

describe('capacityRates', () => {
  it('steps 100, 150, 200, 300, 400 … up to the maximum, then by half again', () => {
    expect(capacityRates(400)).toEqual([100, 150, 200, 300, 400]);
    expect(capacityRates(1000)).toEqual([100, 150, 200, 300, 400, 600, 800, 1000]);
    expect(capacityRates(2500)).toEqual([100, 150, 200, 300, 400, 600, 800, 1000, 1500, 2250]);
  });

  it('offers the maximum itself when it is under the first step', () => {
    expect(capacityRates(50)).toEqual([50]);
  });
});
