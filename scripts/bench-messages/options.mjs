// The benchmark's options: a flag (`--rate=100` or `--rate 100`) or an environment variable, in
// that order, else the default. Pure: `readOptions(argv, env)` answers the config or a list of
// problems, so the CLI's parsing is unit-tested (options.test.ts).

/** Offered rates --find-capacity steps through, in msg/s (then ×1.5 until --capacity-max). */
export const CAPACITY_RATES = [100, 150, 200, 300, 400, 600, 800, 1000];
/** `--connections` without a number. */
export const DEFAULT_CONNECTIONS = 5000;

const FALSE = ['0', 'false', 'no'];

/** The raw value of `--name` in argv (`--name=v`, `--name v`, bare `--name` → ''), or undefined. */
export function rawFlag(argv, name) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
    if (arg === `--${name}`) {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith('--') ? next : '';
    }
  }
  return undefined;
}

/**
 * Readers for one script's options: `raw(flag, envName)` the text, `number(…)` a checked number
 * (a bad one goes to `problems` and the fallback is used), `flag(…)` on unless 0/false/no.
 * @param {string[]} argv process.argv.slice(2)
 * @param {Record<string, string | undefined>} env process.env
 */
export function optionReader(argv, env) {
  const problems = [];
  const raw = (flag, envName) => {
    const value = rawFlag(argv, flag);
    if (value !== undefined) return value;
    const fromEnv = envName ? env[envName] : undefined;
    return fromEnv === undefined ? undefined : fromEnv;
  };
  const number = (flag, envName, fallback, { min = 0, integer = false, bare } = {}) => {
    let text = raw(flag, envName);
    if (text === '' && bare !== undefined) text = String(bare);
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
      problems.push(
        `--${flag}${envName ? ` / ${envName}` : ''} must be ${integer ? 'a whole number' : 'a number'} ≥ ${min} (got ${text})`,
      );
      return fallback;
    }
    return value;
  };
  const flag = (name, envName) => {
    const text = raw(name, envName);
    return text !== undefined && !FALSE.includes(text.toLowerCase());
  };
  return { raw, number, flag, problems };
}

/**
 * @param {string[]} argv process.argv.slice(2)
 * @param {Record<string, string | undefined>} env process.env
 * @returns {{ config: object, problems: string[] }}
 */
export function readOptions(argv, env) {
  const { raw, number, flag, problems } = optionReader(argv, env);

  const findCapacity = flag('find-capacity', 'BENCH_FIND_CAPACITY');
  const compareObservability = flag('compare-observability', 'BENCH_COMPARE_OBSERVABILITY');
  const connections = number('connections', 'BENCH_CONNECTIONS', null, {
    min: 10,
    integer: true,
    bare: DEFAULT_CONNECTIONS,
  });
  const config = {
    rate: number('rate', 'BENCH_RATE', 100, { min: 0.1 }),
    durationSeconds: number('duration', 'BENCH_DURATION', 20, { min: 1 }),
    warmupSeconds: number('warmup', 'BENCH_WARMUP', 3, { min: 0 }),
    groups: number('groups', 'BENCH_GROUPS', 20, { min: 1, integer: true }),
    groupSize: number('group-size', 'BENCH_GROUP_SIZE', 5, { min: 2, integer: true }),
    historyMessages: number('history', 'BENCH_HISTORY', 100_000, { min: 100, integer: true }),
    historyRequests: number('history-requests', 'BENCH_HISTORY_REQUESTS', 500, {
      min: 1,
      integer: true,
    }),
    historyPageSize: 50,
    skipBuild: flag('skip-build', 'BENCH_SKIP_BUILD'),
    /** Everyone also has their group open (a conversation socket, the same tab: #19's skip). */
    looking: flag('looking', 'BENCH_LOOKING'),
    keepData: flag('keep-data', 'BENCH_KEEP_DATA'),
    /** The Socket.io relay beside Parley (on unless --no-relay / BENCH_RELAY=0). */
    relay: !flag('no-relay') && !FALSE.includes((env.BENCH_RELAY ?? '').toLowerCase()),
    findCapacity,
    capacityStepSeconds: number('capacity-step', 'BENCH_CAPACITY_STEP', 10, { min: 1 }),
    capacityMaxRate: number('capacity-max', 'BENCH_CAPACITY_MAX', 1000, { min: 1 }),
    capacityP99Ms: 100,
    connections,
    connectionsRate: number('connections-rate', 'BENCH_CONNECTIONS_RATE', 50, { min: 0.1 }),
    profile: flag('profile', 'BENCH_PROFILE'),
    /** A CPU profile of next-server over the timed history pages (HTTP). */
    profileHistory: flag('profile-history', 'BENCH_PROFILE_HISTORY'),
    /** Metrics and tracing on the bench server (`off`: PARLEY_OBSERVABILITY=off, #13). */
    observability: [...FALSE, 'off'].includes(
      (raw('observability', 'BENCH_OBSERVABILITY') ?? '').toLowerCase(),
    )
      ? 'off'
      : 'on',
    compareObservability,
    observabilityRounds: number('observability-rounds', 'BENCH_OBSERVABILITY_ROUNDS', 6, {
      min: 1,
      integer: true,
    }),
  };
  // The fixed-rate run (Parley vs relay, then history) is the default; the two other scenarios
  // replace it when asked for, and `--fixed` keeps it beside them.
  config.fixedRate =
    flag('fixed', 'BENCH_FIXED') ||
    (!findCapacity && connections === null && !compareObservability);
  return { config, problems };
}

/** The rates --find-capacity offers, ascending, none above `max`. */
export function capacityRates(max) {
  const rates = CAPACITY_RATES.filter((r) => r <= max);
  let next = (rates.at(-1) ?? 100) * 1.5;
  while (next <= max) {
    rates.push(Math.round(next));
    next *= 1.5;
  }
  return rates.length > 0 ? rates : [max];
}
