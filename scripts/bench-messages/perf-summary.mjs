// What a `perf report --no-children --sort dso,sym` of workerd says, in the shape of the
// inspector profiles' summaries (profile-summary.mjs): top functions by self time, and the
// process's time by component instead of by file.

/** Rows of `perf report --stdio --sort dso,sym -g none`: { percent, dso, sym }. */
export function parsePerfReport(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    // The shared object may hold spaces ("[JIT] tid 1234").
    const match = /^\s+([\d.]+)%\s+(.+?)\s+\[([.k])\]\s+(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, percent, dso, kind, sym] = match;
    rows.push({ percent: Number(percent), dso, sym: kind === 'k' ? `[kernel] ${sym}` : sym });
  }
  return rows;
}

/** The sampled CPU time in ms: with the cpu-clock event, the event count is in nanoseconds. */
export function busyMsOf(text) {
  if (!/of event 'cpu-clock/.test(text)) return null;
  const match = /# Event count \(approx\.\): (\d+)/.exec(text);
  return match ? Math.round(Number(match[1]) / 1e5) / 10 : null;
}

// First match wins: specific parts of V8 before V8 as a whole.
const COMPONENTS = [
  [/^\[kernel\]/, 'kernel (system calls, network)'],
  [/^Builtins_(Json|JSON)/, 'V8 builtins: JSON'],
  [/^Builtins_/, 'V8 builtins: other (calls, strings, objects, promises)'],
  [
    /^v8::internal::(Heap|.*GC|.*Scavenge|.*Mark|.*Sweep|.*Evacuat|.*Compact)/,
    'V8 garbage collection',
  ],
  [
    /^v8::internal::(compiler|maglev|baseline|Compiler|.*Compile|.*Parse)/,
    'V8 compilers and parser',
  ],
  [/^cppgc::/, 'V8 garbage collection'],
  [/^(v8::|Builtin|.*Runtime_)/, 'V8 runtime (other)'],
  [/tcmalloc|^TCMalloc/, 'memory allocation (tcmalloc)'],
  [/^(sha\d+_|HMAC_|EVP_|SHA\d+)/, 'crypto (HMAC, SHA)'],
  [/^ada::/, 'URL parsing (ada)'],
  [/sqlite3/i, 'SQLite (Durable Object storage)'],
  [/^(capnp::|kj::)/, 'workerd I/O: KJ event loop and Cap’n Proto RPC'],
  [/workerd::api::/, 'workerd APIs (fetch, Request/Response, WebSocket, streams)'],
  [/^workerd::/, 'workerd (actors, I/O context, other)'],
  [
    /^(__|mem|str|malloc|free|_int_|pthread|epoll|read|write|send|recv)/,
    'libc (memory, system call wrappers)',
  ],
];

/** Which part of workerd a sample's symbol belongs to. */
export function componentOf(dso, sym) {
  if (sym === '[unknown]' || dso === '[unknown]' || dso.startsWith('[JIT]'))
    return 'JavaScript, compiled at run time (no symbols for perf)';
  for (const [pattern, name] of COMPONENTS) if (pattern.test(sym)) return name;
  if (/libc|ld-linux/.test(dso)) return 'libc (memory, system call wrappers)';
  return `other (${dso})`;
}

/**
 * The summary: `busyMs` is the sampled CPU time (samples × period); rows give self time.
 * `wallMs` is how long perf ran.
 */
export function summarizePerf(rows, wallMs, { busyMs = null, top = 15 } = {}) {
  const total = rows.reduce((sum, r) => sum + r.percent, 0);
  const components = new Map();
  for (const r of rows) {
    const name = componentOf(r.dso, r.sym);
    components.set(name, (components.get(name) ?? 0) + r.percent);
  }
  const asRow = (name, percent) => ({
    name,
    percentOfBusy: Math.round(percent * 10) / 10,
    selfMs: busyMs === null ? null : Math.round(((busyMs * percent) / 100) * 10) / 10,
  });
  return {
    wallMs,
    busyMs,
    coveredPercent: Math.round(total * 10) / 10,
    groupedBy: 'component',
    topFunctions: rows.slice(0, top).map((r) => asRow(`${r.sym} (${r.dso})`, r.percent)),
    topFiles: [...components]
      .sort((a, b) => b[1] - a[1])
      .map(([name, percent]) => asRow(name, percent)),
  };
}
