#!/usr/bin/env node
// `npm run test:load -- --url <base URL>`: load scenarios against a running Parley, measured the
// way people feel it: from a POST leaving to the `message.created` frame arriving at every other
// member's inbox socket. Thresholds fail the run (exit 1), so it works as a gate.
//
// Scenarios (sizes at --scale 1; --scale 0.1 makes each ten times smaller):
//   dm-burst   20 pairs in direct conversations; each sender sends 30 messages back to back
//   group-50   one group of 50 people, all connected; 10 of them send 5 msg/s in total for 20 s
//   idle-500   500 people hold their inbox sockets open; 5 pairs chat at 2 msg/s for 20 s
//
// Options: --scenario dm-burst|group-50|idle-500|all (all) · --scale 1 · --p95 500 · --p99 1000
// (ms, send → receive) · --max-error-rate 0.01 · --summary <file> (Markdown, e.g. $GITHUB_STEP_SUMMARY)
// · --password <pw> (the load accounts' password; default from LOAD_PASSWORD or a fixed one).
//
// People are `load-<scenario>-<n>@load.parley.test`, signed up on first use and signed in on
// later runs. Sign-ups and sends are rate-limited: run it against a throw-away server started
// with PARLEY_RATE_LIMITS=off, or against staging with a --scale its limits allow.
// No load tool is used on purpose: HTTP tools (autocannon) cannot see socket deliveries, and
// this is the number that matters; `ws` and Node's fetch are the whole client.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import WebSocket from 'ws';

import { createApi } from './lib/api.mjs';
import { formatSummary, summarize } from './lib/stats.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  if (i >= 0 && args[i + 1] !== undefined) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1) ?? fallback;
};
const baseUrl = opt('--url', process.env.LOAD_URL);
if (!baseUrl) {
  console.error(
    'usage: npm run test:load -- --url http://localhost:3000 [--scenario all] [--scale 1]',
  );
  process.exit(2);
}
const scale = Number(opt('--scale', '1'));
const which = opt('--scenario', 'all');
const limits = {
  p95: Number(opt('--p95', '500')),
  p99: Number(opt('--p99', '1000')),
  errorRate: Number(opt('--max-error-rate', '0.01')),
};
const password = opt('--password', process.env.LOAD_PASSWORD ?? 'parley-load-test-password');
const summaryFile = opt('--summary');
const n = (size, min = 1) => Math.max(min, Math.round(size * scale));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const api = createApi(baseUrl, { waitOnRateLimit: true });

/** Signs people in (or up) a few at a time: password hashing is deliberately slow. */
async function people(scenario, count) {
  const out = [];
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, (_, k) =>
      api.signUpOrIn({
        email: `load-${scenario}-${i + k}@load.parley.test`,
        password,
        name: `Load ${i + k}`,
      }),
    );
    for (const p of await Promise.all(batch)) out.push({ id: p.user.id, cookie: p.cookie });
  }
  return out;
}

/** Each person's inbox socket; `onCreated(clientId, at)` for every message.created frame. */
async function connect(person, onCreated, stats) {
  const { body } = await api.post('/realtime/token', { room: 'inbox' }, { as: person });
  const local = /^(localhost|127\.|\[::1\])/.test(body.host);
  const ws = new WebSocket(
    `${local ? 'ws' : 'wss'}://${body.host}/parties/${body.party}/${encodeURIComponent(body.roomId)}?_pk=${randomUUID()}&token=${encodeURIComponent(body.token)}`,
  );
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no welcome in 20 s')), 20_000);
    ws.on('message', (data) => {
      const at = performance.now();
      let frame;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (frame.type === 'welcome') {
        clearTimeout(timer);
        resolve();
      } else if (frame.type === 'event' && frame.event?.type === 'message.created') {
        onCreated(frame.event.message.clientId, at, person.id);
      }
    });
    ws.once('error', reject);
  }).catch((error) => {
    stats.connectFailures++;
    throw error;
  });
  ws.on('error', () => {});
  return ws;
}

/** A measured run: sends, expected deliveries, latencies. */
function tracker() {
  const pending = new Map(); // clientId → { sentAt, waiting: Set(userId) }
  const stats = {
    latencies: [],
    sends: 0,
    sendFailures: 0,
    expected: 0,
    delivered: 0,
    connectFailures: 0,
    connections: 0,
  };
  return {
    stats,
    onCreated(clientId, at, receiverId) {
      const entry = pending.get(clientId);
      if (!entry || !entry.waiting.delete(receiverId)) return;
      stats.delivered++;
      stats.latencies.push(at - entry.sentAt);
    },
    async send(person, conversationId, receivers) {
      const clientId = randomUUID();
      const entry = { sentAt: performance.now(), waiting: new Set(receivers) };
      pending.set(clientId, entry);
      stats.sends++;
      stats.expected += receivers.length;
      try {
        await api.post(
          `/conversations/${conversationId}/messages`,
          { body: `load ${clientId.slice(0, 8)}`, clientId },
          { as: person },
        );
      } catch {
        stats.sendFailures++;
        stats.expected -= receivers.length;
        pending.delete(clientId);
      }
    },
    /** Waits until every delivery arrived or `ms` passed since the last send. */
    async drain(ms = 10_000) {
      const deadline = performance.now() + ms;
      while (stats.delivered < stats.expected && performance.now() < deadline) await sleep(100);
    },
  };
}

async function connectAll(list, t) {
  const sockets = [];
  for (let i = 0; i < list.length; i += 25) {
    const batch = await Promise.allSettled(
      list.slice(i, i + 25).map((p) => connect(p, t.onCreated, t.stats)),
    );
    for (const r of batch) if (r.status === 'fulfilled') sockets.push(r.value);
  }
  t.stats.connections = sockets.length;
  return sockets;
}

async function direct(a, b) {
  const { body } = await api.post(
    '/conversations',
    { kind: 'direct', memberIds: [b.id] },
    { as: a },
  );
  return body.conversation.id;
}

/** Sends `total` messages spread evenly over `seconds`, round-robin over `senders`. */
async function atRate(total, seconds, fn) {
  const gap = (seconds * 1000) / total;
  const started = performance.now();
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * gap;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inflight.push(fn(i));
  }
  await Promise.all(inflight);
}

const scenarios = {
  async 'dm-burst'(t) {
    const pairs = n(20);
    const crowd = await people('dm', pairs * 2);
    const sockets = await connectAll(crowd, t);
    const convs = await Promise.all(
      Array.from({ length: pairs }, (_, i) => direct(crowd[2 * i], crowd[2 * i + 1])),
    );
    const each = n(30, 5);
    await Promise.all(
      convs.map(async (id, i) => {
        for (let k = 0; k < each; k++)
          await t.send(crowd[2 * i], id, [crowd[2 * i].id, crowd[2 * i + 1].id]);
      }),
    );
    await t.drain();
    return { sockets, detail: `${pairs} pairs × ${each} messages back to back` };
  },
  async 'group-50'(t) {
    const size = n(50, 3);
    const crowd = await people('group', size);
    const sockets = await connectAll(crowd, t);
    const { body } = await api.post(
      '/conversations',
      { kind: 'group', name: `Load group ${size}`, memberIds: crowd.slice(1).map((p) => p.id) },
      { as: crowd[0] },
    );
    const senders = crowd.slice(0, Math.min(10, size));
    const seconds = 20;
    const total = n(5 * seconds, 10);
    const everyone = crowd.map((p) => p.id);
    await atRate(total, seconds, (i) =>
      t.send(senders[i % senders.length], body.conversation.id, everyone),
    );
    await t.drain();
    return {
      sockets,
      detail: `${size} members, ${senders.length} senders, ${total} messages over ${seconds} s`,
    };
  },
  async 'idle-500'(t) {
    const size = n(500, 10);
    const crowd = await people('idle', size);
    const sockets = await connectAll(crowd, t);
    const pairs = Math.min(5, Math.floor(size / 2));
    const convs = await Promise.all(
      Array.from({ length: pairs }, (_, i) => direct(crowd[2 * i], crowd[2 * i + 1])),
    );
    const seconds = 20;
    const total = n(2 * seconds, 10);
    await atRate(total, seconds, (i) => {
      const p = i % pairs;
      return t.send(crowd[2 * p], convs[p], [crowd[2 * p].id, crowd[2 * p + 1].id]);
    });
    await t.drain();
    return {
      sockets,
      detail: `${size} connected, ${pairs} pairs chatting, ${total} messages over ${seconds} s`,
    };
  },
};

const chosen = which === 'all' ? Object.keys(scenarios) : which.split(',');
const results = [];
let failed = false;
for (const name of chosen) {
  const scenario = scenarios[name];
  if (!scenario) {
    console.error(`unknown scenario ${name}: ${Object.keys(scenarios).join(', ')}`);
    process.exit(2);
  }
  const t = tracker();
  const started = performance.now();
  const { sockets, detail } = await scenario(t);
  for (const ws of sockets) ws.close();
  const s = t.stats;
  const latency = summarize(s.latencies);
  const missing = s.expected - s.delivered;
  const attempts = s.sends + s.expected + s.connections + s.connectFailures;
  const errors = s.sendFailures + missing + s.connectFailures;
  const errorRate = attempts ? errors / attempts : 0;
  const problems = [];
  if (!(latency.p95 <= limits.p95)) problems.push(`p95 ${latency.p95} ms > ${limits.p95}`);
  if (!(latency.p99 <= limits.p99)) problems.push(`p99 ${latency.p99} ms > ${limits.p99}`);
  if (errorRate > limits.errorRate)
    problems.push(`error rate ${(errorRate * 100).toFixed(2)} % > ${limits.errorRate * 100} %`);
  failed ||= problems.length > 0;
  const result = {
    name,
    detail,
    seconds: Math.round((performance.now() - started) / 1000),
    latency,
    ...s,
    latencies: undefined,
    missing,
    errorRate,
    problems,
  };
  results.push(result);
  console.log(`${problems.length ? '✗' : '✓'} ${name}: ${detail}`);
  console.log(`  send → receive ${formatSummary(latency)}`);
  console.log(
    `  sends ${s.sends} (failed ${s.sendFailures}) · deliveries ${s.delivered}/${s.expected} · sockets ${s.connections} (failed ${s.connectFailures}) · error rate ${(errorRate * 100).toFixed(2)} %`,
  );
  for (const p of problems) console.log(`  threshold: ${p}`);
}
if (summaryFile) {
  const lines = [
    '### Load test',
    '',
    '| scenario | p50 | p95 | p99 | deliveries | error rate | result |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.latency.p50} | ${r.latency.p95} | ${r.latency.p99} | ${r.delivered}/${r.expected} | ${(r.errorRate * 100).toFixed(2)} % | ${r.problems.length ? r.problems.join('; ') : 'pass'} |`,
    ),
  ];
  appendFileSync(summaryFile, `${lines.join('\n')}\n`);
}
process.exit(failed ? 1 : 0);
