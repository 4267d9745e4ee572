// Where a CPU profile's time went: self time per function and per file from a V8 .cpuprofile
// (what `node --cpu-prof`, Chrome DevTools and the inspector's Profiler.stop produce). Pure
// (profile-summary.test.ts).

const IDLE = new Set(['(idle)', '(program)', '(root)']);

/** Where a function lives, shortened: the package for node_modules, else the path from the repo. */
export function shortUrl(url) {
  if (!url) return '(native)';
  const text = url.replace(/^file:\/\//, '');
  const nm = text.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = text.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0]?.startsWith('@') ? rest.slice(0, 2).join('/') : rest[0];
    return `${pkg}/…/${rest.at(-1)}`;
  }
  const next = text.indexOf('/.next');
  return next >= 0 ? text.slice(next + 1) : text.split('/').slice(-3).join('/');
}

/** Self time in µs per profile node id, from the samples (or the hit counts without them). */
function selfTimes(profile) {
  const selfUs = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    // A sample lasts until the next one; the last one gets the mean interval.
    const mean = (profile.endTime - profile.startTime) / samples.length;
    samples.forEach((id, i) =>
      selfUs.set(id, (selfUs.get(id) ?? 0) + (i + 1 < deltas.length ? deltas[i + 1] : mean)),
    );
  } else {
    const hits = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
    const perHit = hits ? (profile.endTime - profile.startTime) / hits : 0;
    for (const n of profile.nodes) if (n.hitCount) selfUs.set(n.id, n.hitCount * perHit);
  }
  return selfUs;
}

/**
 * The profile as folded stacks ("root;caller;callee <µs>" a line), the input of flamegraph.pl,
 * speedscope and most flame graph tools; idle time left out.
 */
export function foldedStacks(profile) {
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const lines = [];
  for (const [id, us] of selfTimes(profile)) {
    const names = [];
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      names.push(
        `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`,
      );
    }
    const leaf = byId.get(id)?.callFrame.functionName ?? '';
    if (IDLE.has(leaf) || us <= 0) continue;
    lines.push(
      `${names
        .reverse()
        .filter((n) => !n.startsWith('(root)'))
        .join(';')} ${Math.round(us)}`,
    );
  }
  return lines.sort().join('\n') + '\n';
}

/**
 * @param {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number },
 *           hitCount?: number }[], samples?: number[], timeDeltas?: number[],
 *           startTime: number, endTime: number }} profile
 * @param {number} top how many functions and files to list
 */
export function summarizeProfile(profile, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = selfTimes(profile);
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  let idleUs = 0;
  const functions = new Map();
  const files = new Map();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const name = frame.functionName || '(anonymous)';
    if (IDLE.has(name)) {
      idleUs += us;
      continue;
    }
    const where = shortUrl(frame.url);
    const key = `${name} ${where}:${frame.lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
    files.set(where, (files.get(where) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const list = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({
        name,
        selfMs: Math.round(us / 100) / 10,
        percentOfBusy: busyUs > 0 ? Math.round((us / busyUs) * 1000) / 10 : 0,
      }));
  return {
    wallMs: Math.round((profile.endTime - profile.startTime) / 100) / 10,
    busyMs: Math.round(busyUs / 100) / 10,
    topFunctions: list(functions),
    topFiles: list(files),
  };
}

/** Lines for the console: "  12.3%  45.6 ms  name file:line". */
export function formatProfileSummary(title, summary) {
  const ms = (value) => (value === null ? '?' : value.toFixed(1)).padStart(8);
  const row = (r) =>
    `    ${r.percentOfBusy.toFixed(1).padStart(5)}%  ${ms(r.selfMs)} ms  ${r.name}`;
  const byComponent = summary.groupedBy === 'component';
  return [
    `  ${title}: ${summary.busyMs} ms busy of ${summary.wallMs} ms profiled; top self time`,
    ...summary.topFunctions.slice(0, 10).map(row),
    byComponent ? '   by component:' : '   by file:',
    ...summary.topFiles.slice(0, byComponent ? 12 : 6).map(row),
  ];
}
