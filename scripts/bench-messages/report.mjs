// The summary printed at the end of a run, part by part.
import { formatSummary } from '../lib/stats.mjs';
import { formatProfileSummary } from './profile-summary.mjs';

export const TARGETS = { deliveryP99Ms: 50, historyP99Ms: 10 };

function verdict(value, target) {
  if (value === null || value === undefined) return 'n/a';
  return value < target ? `✓ under ${target} ms` : `✗ target ${target} ms`;
}

const join = (entries, unit) =>
  Object.entries(entries)
    .map(([name, v]) => `${name.replace(/ \(.*\)$/, '')} ${v}${unit}`)
    .join(' · ');

/** Lines for one measured window of either system. */
export function windowLines(w, { target } = {}) {
  const failures = Object.keys(w.sendFailures).length
    ? `  failures: ${JSON.stringify(w.sendFailures)}`
    : '';
  const other = w.cpuPercentOfOneCoreWhileSending['other processes on the machine'] ?? 0;
  return [
    `  messages created       ${w.messagesCreated} / ${w.messagesOffered}${failures}`,
    `  sustained              ${w.sustainedMessagesPerSecond} msg/s sent · ${w.deliveriesPerSecond} deliveries/s (max send lag ${w.maxSendLagMs} ms)`,
    `  delivery (send → each other member's socket)`,
    `                         ${formatSummary(w.deliveryLatencyMs)}${target ? `  ${verdict(w.deliveryLatencyMs.p99, target)}` : ''}`,
    `  all members reached    ${formatSummary(w.allRecipientsLatencyMs)}`,
    `  HTTP POST              ${formatSummary(w.httpPostLatencyMs)}`,
    `  completeness           ${w.deliveries.received} / ${w.deliveries.expected} = ${((w.deliveries.completeness ?? 0) * 100).toFixed(2)}% · duplicates ${w.deliveries.duplicates}` +
      (w.publishFailuresLogged !== undefined
        ? ` · publish failures ${w.publishFailuresLogged}`
        : '') +
      (w.partykitRestarts ? ` · PartyKit restarted ${w.partykitRestarts}× (!)` : ''),
    `  load average (1 min)   ${w.loadAverage.before} before · ${w.loadAverage.after} after sending`,
    `  CPU while sending      ${join(w.cpuPercentOfOneCoreWhileSending, '%')}`,
    `  CPU per message        ${join(w.cpuMsPerMessage, ' ms')}`,
    ...(other > 25
      ? [
          `  ! other processes used ${other}% of a core while sending: latencies include waiting for CPU`,
        ]
      : []),
  ];
}

function realtimeLines(r) {
  const p = r.parley;
  const lines = [
    `Realtime: ${r.setup.groups} groups × ${r.setup.groupSize} people, ${p.offeredRate} msg/s offered for ${p.durationSeconds} s (+${r.warmupSeconds} s warm-up)`,
    `Parley (production build, ${r.setup.people} inbox sockets):`,
    ...windowLines(p, { target: TARGETS.deliveryP99Ms }),
  ];
  if (r.relay) {
    const x = (v) => (v === null ? '—' : `${v}×`);
    lines.push(
      `Socket.io relay (one Node process, SQLite insert + room emit, ${r.setup.people} Socket.io clients):`,
      ...windowLines(r.relay),
      `Parley ÷ relay           delivery p50 ${x(r.ratio.delivery.p50)} · p99 ${x(r.ratio.delivery.p99)} · HTTP POST p50 ${x(r.ratio.httpPost.p50)} · p99 ${x(r.ratio.httpPost.p99)}`,
    );
  }
  return lines;
}

function historyLines(h) {
  return [
    `History: one conversation of ${h.conversationMessages.toLocaleString('en')} messages (written in ${h.insertSeconds} s${h.flushSeconds !== undefined ? `, flushed to disk in ${h.flushSeconds} s` : ''}), ${h.requests} random pages of ${h.pageSize} (before=<random seq>)`,
    `  HTTP GET               ${formatSummary(h.httpLatencyMs)}  ${verdict(h.httpLatencyMs.p99, TARGETS.historyP99Ms)}${h.httpPagesNotFull ? `  (${h.httpPagesNotFull} pages not full!)` : ''}`,
    `  store (adapter SQL)    ${formatSummary(h.storeLatencyMs)}  ${verdict(h.storeLatencyMs.p99, TARGETS.historyP99Ms)}`,
    `  page query alone       ${formatSummary(h.storePageQueryOnlyMs)}`,
  ];
}

function capacityLines(c) {
  const lines = [];
  for (const [name, result] of Object.entries(c)) {
    if (!result) continue;
    const cap = result.capacityMessagesPerSecond;
    lines.push(
      `Capacity (${name}): highest rate with delivery p99 < ${result.p99LimitMs} ms and 100 % delivered: ` +
        (cap === null
          ? `none (the first rate, ${result.ratesOffered[0]} msg/s, failed)`
          : `${cap} msg/s${result.allRatesPassed ? ' (every rate offered passed: at least this)' : ''}`),
      ...result.steps.map(
        (s) =>
          `  ${String(s.rate).padStart(5)} msg/s  ${s.passed ? 'pass' : 'FAIL'}  delivery p50 ${s.figures.deliveryLatencyMs.p50} · p99 ${s.figures.deliveryLatencyMs.p99} ms · ${s.figures.deliveries.received}/${s.figures.deliveries.expected} delivered · POST p99 ${s.figures.httpPostLatencyMs.p99} ms`,
      ),
    );
  }
  return lines;
}

function connectionsLines(c) {
  const mem = (m) => (m ? join(m, ' MiB') : '—');
  const failures = Object.keys(c.connectFailures).length
    ? ` · failures ${JSON.stringify(c.connectFailures)}`
    : '';
  return [
    `Connections: ${c.connectionsOpen} of ${c.connectionsAsked} inbox sockets open (presence on) in ${c.connectSeconds} s${failures}; open-files limit bench ${c.openFilesLimit.bench}, workerd ${c.openFilesLimit.workerd}`,
    `  memory idle            ${mem(c.residentMemoryMb.idle)}`,
    `  memory all connected   ${mem(c.residentMemoryMb.connected)}`,
    `  memory peak sending    ${mem(c.residentMemoryMb.peakWhileSending)}`,
    ...(c.window
      ? [
          `Traffic: ${c.window.offeredRate} msg/s over ${c.groupsCarryingTraffic} groups of ${c.groupSize}:`,
          ...windowLines(c.window, { target: 100 }),
        ]
      : ['  no group had all its members connected: no traffic measured']),
  ];
}

function observabilityLines(c) {
  const pct = (v) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v} %`);
  const verdictOf = (o) =>
    o.p50 !== null && o.p99 !== null && o.p50 <= 10 && o.p99 <= 10
      ? '✓ within 10 %'
      : '✗ goal ≤ 10 %';
  return [
    `Metrics and tracing, on vs off: two servers side by side, ${c.rounds} rounds of ${c.secondsPerWindow} s at ${c.offeredRate} msg/s each, alternating (pooled):`,
    `  on   delivery ${formatSummary(c.on.deliveryLatencyMs)}`,
    `       HTTP POST ${formatSummary(c.on.httpPostLatencyMs)}`,
    `  off  delivery ${formatSummary(c.off.deliveryLatencyMs)}`,
    `       HTTP POST ${formatSummary(c.off.httpPostLatencyMs)}`,
    `  overhead  delivery p50 ${pct(c.overheadPercent.delivery.p50)} · p99 ${pct(c.overheadPercent.delivery.p99)}  ${verdictOf(c.overheadPercent.delivery)}`,
    `            HTTP POST p50 ${pct(c.overheadPercent.httpPost.p50)} · p99 ${pct(c.overheadPercent.httpPost.p99)}`,
    `  rounds (delivery p50 / p99 ms): ${c.windows.map((w) => `${w.round}${w.mode} ${w.deliveryLatencyMs.p50}/${w.deliveryLatencyMs.p99}`).join(' · ')}`,
  ];
}

function profileLines(profile, over = 'the measured window') {
  const lines = [
    `CPU profiles of ${over} (flame graphs: open the files in Chrome DevTools or speedscope):`,
  ];
  for (const [name, p] of Object.entries(profile)) {
    if (p.error) lines.push(`  ${name}: not taken (${p.error})`);
    else lines.push(...formatProfileSummary(`${name} (${p.file})`, p));
  }
  return lines;
}

/** The whole summary; `run` as saveResults writes it. */
export function printSummary(run, { resultsFile }) {
  const s = run.sections;
  const m = run.machine;
  const lines = [
    '',
    `Parley message benchmark — ${m.cpus} × ${m.cpuModel}, Node ${m.node}, production build, metrics and tracing ${run.config.observability ?? 'on'}`,
  ];
  const add = (part) => lines.push('', ...part);
  if (s.realtime) add(realtimeLines(s.realtime));
  if (s.capacity) add(capacityLines(s.capacity));
  if (s.connections) add(connectionsLines(s.connections));
  if (s.observability) add(observabilityLines(s.observability));
  if (s.history) add(historyLines(s.history));
  else if (s.history === null) add(['History: failed (see the progress lines above)']);
  if (s.profile) add(profileLines(s.profile));
  if (s.history?.profile) add(profileLines(s.history.profile, 'the timed history pages'));
  lines.push(
    '',
    `Whole run ${run.totalSeconds} s${run.buildSeconds !== null ? ` (build ${run.buildSeconds} s)` : ' (build skipped)'} · results in ${resultsFile}`,
  );
  console.log(lines.join('\n'));
}
