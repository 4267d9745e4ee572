import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

import * as processor from './parley.mjs';

/**
 * The load scenarios (load/*.yml) are checked the way Artillery checks them before a run (its
 * own script validation), plus what it only finds out mid-run: every processor function a flow
 * names exists, the smoke environment shrinks the same phase, and the thresholds pass good
 * figures and fail bad ones (evaluated by Artillery's own ensure plugin). A real run against
 * a production build: `npm run test:load -- --url … --size smoke` (README, Deploy).
 */
const here = path.resolve(__dirname);
const artilleryDist = path.resolve(here, '../node_modules/artillery/dist');
const SCENARIOS = ['dm-burst', 'group-50', 'idle-500'] as const;

const phaseSchema = z
  .object({
    name: z.string(),
    duration: z.number().positive(),
    arrivalCount: z.number().int().positive(),
  })
  .strict();
const variablesSchema = z.object({
  scenario: z.string(),
  cohort: z.number().int().min(2).max(50),
  senders: z.number().int().positive(),
  messages: z.number().int().positive(),
  pause: z.string().regex(/^\d+(ms|s)$/),
});
const ensureSchema = z.object({
  thresholds: z.array(z.record(z.string(), z.number())),
  conditions: z.array(z.object({ expression: z.string() })),
  maxErrorRate: z.number(),
});
const scriptSchema = z.object({
  config: z.object({
    target: z.string(),
    processor: z.literal('./parley.mjs'),
    phases: z.array(phaseSchema).length(1),
    variables: variablesSchema,
    environments: z.object({
      smoke: z.object({
        phases: z.array(phaseSchema).length(1),
        variables: variablesSchema.partial(),
      }),
    }),
    plugins: z.object({ ensure: z.object({}) }),
    ensure: ensureSchema,
  }),
  scenarios: z.array(z.object({ name: z.string(), flow: z.array(z.unknown()) })).length(1),
});

type EnsurePlugin = {
  statsToVars(data: unknown): Record<string, unknown>;
  runChecks(checks: unknown, vars: Record<string, unknown>): { result: unknown }[];
};
let validate: (script: unknown) => string | undefined;
let ensure: EnsurePlugin;

beforeAll(async () => {
  // Artillery does not export these; they are what `artillery run` itself calls.
  validate = (
    (await import(pathToFileURL(path.join(artilleryDist, 'lib/util/validate-script.js')).href)) as {
      default: typeof validate;
    }
  ).default;
  ensure = (
    (await import(
      pathToFileURL(
        path.join(artilleryDist, 'builtin-packages/artillery-plugin-ensure/dist/plugin.js'),
      ).href
    )) as { Plugin: EnsurePlugin }
  ).Plugin;
  (globalThis as { artillery?: unknown }).artillery ??= { log: () => {} };
});

/** Every processor function a flow names, at any depth. */
function namedFunctions(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(namedFunctions);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    ['function', 'beforeRequest', 'afterResponse', 'whileTrue'].includes(key) &&
    typeof value === 'string'
      ? [value]
      : namedFunctions(value),
  );
}

/** Artillery's report figures for a run: `deliveries` of them in time, `p99` ms. */
function figures({ p99 = 120, missing = 0, refused = 0, setupFailed = 0, vusersFailed = 0 } = {}) {
  return {
    report: {
      counters: {
        'vusers.created': 100,
        'vusers.completed': 100 - vusersFailed,
        'parley.deliveries.expected': 1000,
        'parley.deliveries.received': 1000 - missing,
        'parley.deliveries.missing': missing,
        'parley.sends.failed': refused,
        'parley.setup.failed': setupFailed,
      },
      rates: {},
      summaries: { 'parley.send_to_receive': { p50: 20, p95: Math.min(p99, 300), p99 } },
    },
  };
}

describe.each(SCENARIOS)('load/%s.yml', (name) => {
  const text = readFileSync(path.join(here, `${name}.yml`), 'utf8');
  const raw: unknown = parse(text);
  const script = scriptSchema.parse(raw);

  it("passes Artillery's own script validation, full size and smoke size", () => {
    expect(validate(raw)).toBeUndefined();
    expect(validate({ config: { target: 'x' }, scenarios: [{ flow: [{ post: {} }] }] })).toMatch(
      /url/,
    );
    const smoke = structuredClone(raw) as { config: Record<string, unknown> };
    Object.assign(smoke.config, script.config.environments.smoke);
    expect(validate(smoke)).toBeUndefined();
  });

  it('names only functions load/parley.mjs exports', () => {
    const names = namedFunctions(script.scenarios);
    expect(names).toEqual(
      expect.arrayContaining(['joinCohort', 'stampMessage', 'checkSend', 'moreToSend']),
    );
    for (const fn of names) expect(processor, fn).toHaveProperty(fn, expect.any(Function));
  });

  it('sends over HTTP to the conversation the cohort opened, and waits for the sockets last', () => {
    expect(text).toContain("url: '/api/v1/conversations/{{ conversationId }}/messages'");
    expect(namedFunctions(script.scenarios).at(-1)).toBe('awaitDeliveries');
  });

  it('has a smoke size that is smaller than the full one', () => {
    const full = script.config.phases[0]!;
    const smoke = script.config.environments.smoke.phases[0]!;
    const vars = { ...script.config.variables, ...script.config.environments.smoke.variables };
    expect(smoke.arrivalCount * vars.cohort * vars.messages).toBeLessThan(
      full.arrivalCount * script.config.variables.cohort * script.config.variables.messages,
    );
    expect(smoke.arrivalCount * vars.cohort).toBeLessThanOrEqual(20);
  });

  it('passes good figures and fails on p99, lost deliveries, refused sends, set-up and VU failures', () => {
    const judge = (f: ReturnType<typeof figures>) =>
      ensure
        .runChecks(script.config.ensure, ensure.statsToVars(f))
        .every((check) => check.result === 1);
    expect(judge(figures())).toBe(true);
    expect(judge(figures({ p99: 999 }))).toBe(true);
    expect(judge(figures({ p99: 1500 }))).toBe(false);
    expect(judge(figures({ missing: 11 }))).toBe(false);
    expect(judge(figures({ missing: 5, refused: 6 }))).toBe(false);
    expect(judge(figures({ missing: 10 }))).toBe(true);
    expect(judge(figures({ setupFailed: 1 }))).toBe(false);
    expect(judge(figures({ vusersFailed: 2 }))).toBe(false);
  });
});

describe('the full sizes are the documented ones', () => {
  const load = (name: string) =>
    scriptSchema.parse(parse(readFileSync(path.join(here, `${name}.yml`), 'utf8'))).config;

  it('dm-burst: 20 pairs, 30 messages each; group-50: one group of 50; idle-500: 250 pairs', () => {
    const dm = load('dm-burst');
    expect([dm.phases[0]!.arrivalCount, dm.variables.cohort, dm.variables.messages]).toEqual([
      20, 2, 30,
    ]);
    const group = load('group-50');
    expect([group.phases[0]!.arrivalCount, group.variables.cohort]).toEqual([1, 50]);
    const idle = load('idle-500');
    expect(idle.phases[0]!.arrivalCount * idle.variables.cohort).toBe(500);
  });
});
