#!/usr/bin/env node
// `npm run bench:messages`: how fast a message gets from one person to the others, and how fast
// history pages load. Starts its own production server (built into .next-bench) with PartyKit on
// free ports and a throw-away data directory, with PARLEY_RATE_LIMITS=off so that 100 simulated
// people can sign up and send from one address (see lib/env.ts; never set it on a real server).
//
// 1. Realtime: G groups of S people (default 20 × 5). Everyone holds an inbox socket, as a
//    browser tab does; messages are POSTed at a steady rate spread over the groups, and the time
//    from the POST leaving to the `message.created` frame arriving is measured at every other
//    member's socket. Also: HTTP POST latency, messages/s sustained, delivery completeness.
// 2. History: one conversation with N messages (default 100,000) written straight into the
//    SQLite file, then `GET /conversations/:id/messages?before=<random seq>&limit=50` timed over
//    HTTP, and the adapter's own SQL for that page timed on the file directly.
//
// Options (flag or environment variable):
//   --rate=100            BENCH_RATE             messages per second offered
//   --duration=20         BENCH_DURATION         seconds measured
//   --warmup=3            BENCH_WARMUP           seconds sent first at the same rate, not measured
//   --groups=20           BENCH_GROUPS           conversations
//   --group-size=5        BENCH_GROUP_SIZE       people in each
//   --history=100000      BENCH_HISTORY          messages in the history conversation
//   --history-requests=500 BENCH_HISTORY_REQUESTS pages requested (HTTP and store each)
//   --skip-build          BENCH_SKIP_BUILD=1     reuse .next-bench as it is
//   --keep-data           BENCH_KEEP_DATA=1      keep the temp data directory (path is printed)
// Results: bench-results/messages.json (plus the server and build logs next to it).
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

import { createApi } from './lib/api.mjs';
import {
  build,
  cpuBetween,
  machineBusyTicks,
  sampleCpu,
  startServer,
} from './lib/bench-server.mjs';
import { formatSummary, summarize } from './lib/stats.mjs';

// Paths below are relative to the repository, wherever this is run from.
process.chdir(new URL('..', import.meta.url).pathname);

const DIST_DIR = '.next-bench';
const RESULTS_DIR = 'bench-results';
const TARGETS = { deliveryP99Ms: 50, historyP99Ms: 10 };

// ── options ──────────────────────────────────────────────────────────────────────────────────

function option(flag, envName, fallback) {
  const arg = process.argv.find((a) => a === `--${flag}` || a.startsWith(`--${flag}=`));
  if (arg) return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '1';
  const value = process.env[envName];
  return value === undefined || value === '' ? fallback : value;
}

function numberOption(flag, envName, fallback, { min = 0, integer = false } = {}) {
  const raw = option(flag, envName, String(fallback));
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    console.error(
      `--${flag} / ${envName} must be ${integer ? 'a whole number' : 'a number'} ≥ ${min} (got ${raw})`,
    );
    process.exit(2);
  }
  return value;
}

const flag = (name, envName) => !['', '0', 'false', 'no'].includes(option(name, envName, ''));

const config = {
  rate: numberOption('rate', 'BENCH_RATE', 100, { min: 0.1 }),
  durationSeconds: numberOption('duration', 'BENCH_DURATION', 20, { min: 1 }),
  warmupSeconds: numberOption('warmup', 'BENCH_WARMUP', 3, { min: 0 }),
  groups: numberOption('groups', 'BENCH_GROUPS', 20, { min: 1, integer: true }),
  groupSize: numberOption('group-size', 'BENCH_GROUP_SIZE', 5, { min: 2, integer: true }),
  historyMessages: numberOption('history', 'BENCH_HISTORY', 100_000, { min: 100, integer: true }),
  historyRequests: numberOption('history-requests', 'BENCH_HISTORY_REQUESTS', 500, {
    min: 1,
    integer: true,
  }),
  historyPageSize: 50,
  skipBuild: flag('skip-build', 'BENCH_SKIP_BUILD'),
  keepData: flag('keep-data', 'BENCH_KEEP_DATA'),
};

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

const benchStarted = performance.now();
const elapsed = () => ((performance.now() - benchStarted) / 1000).toFixed(1).padStart(6);
const step = (text) => console.log(`[${elapsed()} s] ${text}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` over `items`, `concurrency` at a time; results in input order. */
async function pool(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

const SENTENCES = [
  'Pushed the fix for the flaky upload test, can someone take a look?',
  'Standup moved to 10:30 tomorrow, the room is booked until then.',
  'I think we should ship the new onboarding behind a flag first.',
  'Lunch? The ramen place on the corner has a short queue right now.',
  'The **staging** deploy is green again, thanks for the quick turnaround.',
  'Can we keep `retryAfterSeconds` in the error body as well as the header?',
  'Numbers from last week look good: sign-ups up 12%, churn flat.',
  'Reminder: design review at 3, bring the mobile mock-ups.',
  'Agreed. Let us timebox it to two days and see where we land.',
  'Here is the doc with the rollout plan, comments welcome before Friday.',
  'ok 👍',
  'On my way, five minutes.',
];

/** Ids like the store's newId(): prefix, underscore, 20 random base-36 characters. */
function newId(prefix) {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let out = '';
  for (const b of randomBytes(20)) out += alphabet[b % 36];
  return `${prefix}_${out}`;
}

// ── realtime phase ───────────────────────────────────────────────────────────────────────────

/** Opens a person's inbox socket (party `main`, room = their id) and waits for `welcome`. */
async function openInbox(api, person, onEvent) {
  const { body } = await api.post('/realtime/token', { room: 'inbox' }, { as: person });
  const url =
    `ws://${body.host}/parties/${body.party}/${encodeURIComponent(body.roomId)}` +
    `?_pk=${randomUUID()}&token=${encodeURIComponent(body.token)}`;
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`inbox socket of ${person.id}: no welcome in 15 s`)),
      15_000,
    );
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      reject(new Error(`inbox socket of ${person.id}: HTTP ${res.statusCode}`));
    });
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
      } else if (frame.type === 'event') onEvent(frame.event, at);
    });
  });
  ws.on('error', () => {}); // counted as missing deliveries if it happens
  person.socketClosed = false;
  ws.on('close', () => {
    person.socketClosed = true;
  });
  return ws;
}

async function realtimePhase(server, api, runId) {
  const { groups: G, groupSize: S } = config;
  const total = G * S;

  step(`signing up ${total} people…`);
  const signUpStarted = performance.now();
  const people = await pool(
    Array.from({ length: total }, (_, i) => i),
    6,
    async (i) => {
      const email = `p${i}.${runId}@bench.parley.dev`;
      const { user, cookie } = await api.signUpOrIn({
        email,
        password: 'bench-password',
        name: `Bench Person ${i}`,
      });
      return { id: user.id, cookie, index: i };
    },
  );
  const signUpSeconds = (performance.now() - signUpStarted) / 1000;

  step(`creating ${G} groups of ${S}…`);
  const groups = await pool(
    Array.from({ length: G }, (_, g) => g),
    4,
    async (g) => {
      const members = people.slice(g * S, g * S + S);
      const { body } = await api.post(
        '/conversations',
        { kind: 'group', name: `Bench group ${g}`, memberIds: members.slice(1).map((m) => m.id) },
        { as: members[0] },
      );
      return { id: body.conversation.id, members };
    },
  );

  // Every message this run sent, by clientId.
  const sent = new Map();
  let duplicates = 0;
  let unknownFrames = 0;
  const onEvent = (receiver) => (event, at) => {
    if (event.type !== 'message.created') return;
    const record = sent.get(event.message?.clientId);
    if (!record) {
      unknownFrames++;
      return;
    }
    if (receiver.id === record.authorId) {
      record.selfEchoAt ??= at;
      return;
    }
    if (record.receivedBy.has(receiver.id)) {
      duplicates++;
      return;
    }
    record.receivedBy.set(receiver.id, at - record.sentAt);
  };

  step(`opening ${total} inbox sockets…`);
  const sockets = await pool(people, 10, (person) => openInbox(api, person, onEvent(person)));

  let nextIndex = 0;
  const inflight = new Set();
  function sendOne(phase, scheduledAt) {
    const k = nextIndex++;
    const group = groups[k % G];
    const author = group.members[Math.floor(k / G) % S];
    const clientId = `${runId}-${k}`;
    const body = `${SENTENCES[k % SENTENCES.length]} (#${k})`;
    const record = {
      phase,
      k,
      authorId: author.id,
      recipients: S - 1,
      receivedBy: new Map(),
      scheduledAt,
      sentAt: performance.now(),
      postMs: null,
      status: null,
    };
    sent.set(clientId, record);
    const promise = fetch(`${server.baseUrl}/api/v1/conversations/${group.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: author.cookie },
      body: JSON.stringify({ body, clientId }),
    })
      .then(async (res) => {
        await res.arrayBuffer();
        record.postMs = performance.now() - record.sentAt;
        record.respondedAt = performance.now();
        record.status = res.status;
      })
      .catch((err) => {
        record.postMs = performance.now() - record.sentAt;
        record.respondedAt = performance.now();
        record.status = `error: ${err.cause?.code ?? err.message}`;
      })
      .finally(() => inflight.delete(promise));
    inflight.add(promise);
  }

  /** Open loop: message k leaves at start + k/rate whatever happened to the earlier ones. */
  async function drive(phase, seconds) {
    const n = Math.round(config.rate * seconds);
    const interval = 1000 / config.rate;
    const start = performance.now();
    let k = 0;
    await new Promise((resolve) => {
      const tick = () => {
        const now = performance.now();
        while (k < n && start + k * interval <= now) sendOne(phase, start + k++ * interval);
        if (k >= n) return resolve();
        setTimeout(tick, Math.max(0, Math.min(4, start + k * interval - performance.now())));
      };
      tick();
    });
    await Promise.allSettled([...inflight]);
    return { n, start };
  }

  const inPhase = (phase) => [...sent.values()].filter((r) => r.phase === phase);
  async function waitForDeliveries(phase, graceMs) {
    const deadline = performance.now() + graceMs;
    while (performance.now() < deadline) {
      const pending = inPhase(phase).some(
        (r) => r.status === 201 && r.receivedBy.size < r.recipients,
      );
      if (!pending) return;
      await sleep(20);
    }
  }

  if (config.warmupSeconds > 0) {
    step(`warm-up: ${config.rate} msg/s for ${config.warmupSeconds} s (not measured)…`);
    await drive('warmup', config.warmupSeconds);
    await waitForDeliveries('warmup', 5000);
  }

  step(`measuring: ${config.rate} msg/s for ${config.durationSeconds} s over ${G} groups of ${S}…`);
  const loadAverageBefore = os.loadavg()[0];
  const cpuBefore = sampleCpu(process.pid);
  const machineBefore = machineBusyTicks();
  const benchCpuBefore = process.cpuUsage();
  const { n, start } = await drive('measure', config.durationSeconds);
  const sendingSeconds = (performance.now() - start) / 1000;
  const cpuAfter = sampleCpu(process.pid);
  const machineAfter = machineBusyTicks();
  const benchCpu = process.cpuUsage(benchCpuBefore);
  await waitForDeliveries('measure', 5000);

  for (const ws of sockets) ws.close();

  const records = inPhase('measure');
  const created = records.filter((r) => r.status === 201);
  const failures = {};
  for (const r of records)
    if (r.status !== 201) failures[String(r.status)] = (failures[String(r.status)] ?? 0) + 1;
  const delivery = [];
  const lastRecipient = [];
  let received = 0;
  for (const r of created) {
    for (const ms of r.receivedBy.values()) delivery.push(ms);
    received += r.receivedBy.size;
    if (r.receivedBy.size === r.recipients) lastRecipient.push(Math.max(...r.receivedBy.values()));
  }
  const expected = created.length * (S - 1);
  const firstSent = Math.min(...records.map((r) => r.sentAt));
  const lastResponse = Math.max(...records.map((r) => r.respondedAt ?? r.sentAt));
  const wallSeconds = (lastResponse - firstSent) / 1000;
  const serverLog = server.output();
  const cpu = cpuBetween(cpuBefore, cpuAfter, sendingSeconds);
  cpu['bench client (this process)'] =
    Math.round(((benchCpu.user + benchCpu.system) / 1e6 / sendingSeconds) * 1000) / 10;
  // What everything else on the machine used meanwhile (other people's builds and tests).
  if (machineBefore !== null && machineAfter !== null) {
    const ours = Object.values(cpu).reduce((a, b) => a + b, 0);
    const all = ((machineAfter - machineBefore) / 100 / sendingSeconds) * 100;
    cpu['other processes on the machine'] = Math.max(0, Math.round((all - ours) * 10) / 10);
  }
  // CPU time per message sent: steadier than latency when other work shares the machine.
  const sentWhileSampling = records.length;
  const cpuPerMessage = Object.fromEntries(
    Object.entries(cpu)
      .filter(([name]) => !name.startsWith('other'))
      .map(([name, pct]) => [
        name,
        Math.round(((pct / 100) * sendingSeconds * 1000 * 100) / sentWhileSampling) / 100,
      ]),
  );

  return {
    people: total,
    groups: G,
    groupSize: S,
    signUpSeconds: Math.round(signUpSeconds * 100) / 100,
    offeredRate: config.rate,
    durationSeconds: config.durationSeconds,
    warmupSeconds: config.warmupSeconds,
    messagesOffered: n,
    messagesCreated: created.length,
    sendFailures: failures,
    sustainedMessagesPerSecond: Math.round((created.length / wallSeconds) * 10) / 10,
    deliveriesPerSecond: Math.round((received / wallSeconds) * 10) / 10,
    maxSendLagMs: Math.round(Math.max(...records.map((r) => r.sentAt - r.scheduledAt)) * 100) / 100,
    deliveryLatencyMs: summarize(delivery),
    allRecipientsLatencyMs: summarize(lastRecipient),
    httpPostLatencyMs: summarize(records.filter((r) => r.postMs !== null).map((r) => r.postMs)),
    deliveries: {
      expected,
      received,
      completeness: expected ? Math.round((received / expected) * 1e6) / 1e6 : null,
      duplicates,
      framesForUnknownMessages: unknownFrames,
      socketsClosedEarly: people.filter((p) => p.socketClosed).length,
    },
    publishFailuresLogged: (serverLog.match(/realtime publish failed/g) ?? []).length,
    partykitRestarts: server.partyBuilds() - 1,
    cpuPercentOfOneCoreWhileSending: cpu,
    cpuMsPerMessage: cpuPerMessage,
    /** 1-minute load average before and after sending: other work on the machine shows here. */
    loadAverage: {
      before: Math.round(loadAverageBefore * 100) / 100,
      after: Math.round(os.loadavg()[0] * 100) / 100,
    },
  };
}

// ── history phase ────────────────────────────────────────────────────────────────────────────

async function historyPhase(server, api, runId) {
  const N = config.historyMessages;
  const members = [];
  for (let i = 0; i < 5; i++) {
    const { user, cookie } = await api.signUpOrIn({
      email: `history${i}.${runId}@bench.parley.dev`,
      password: 'bench-password',
      name: `History Person ${i}`,
    });
    members.push({ id: user.id, cookie });
  }
  const { body } = await api.post(
    '/conversations',
    { kind: 'group', name: 'Bench history', memberIds: members.slice(1).map((m) => m.id) },
    { as: members[0] },
  );
  const conversationId = body.conversation.id;

  step(`writing ${N.toLocaleString('en')} messages into the SQLite file…`);
  const dbFile = path.join(server.dataDir, 'parley.db');
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // The same columns createMessage() writes (lib/db/sqlite/messages.ts, migration 3).
  const insert = db.prepare(
    `INSERT INTO messages (id, conversation_id, seq, author_id, kind, body, client_id, reply_to_id,
       attachments, mentions, system, created_at)
     VALUES (?, ?, ?, ?, 'user', ?, ?, ?, '[]', '[]', NULL, ?)`,
  );
  const react = db.prepare(
    'INSERT OR IGNORE INTO reactions (message_id, emoji, user_id, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertStarted = performance.now();
  const lastSeq = db.transaction(() => {
    const { last_seq: from } = db
      .prepare('SELECT last_seq FROM conversations WHERE id = ?')
      .get(conversationId);
    const ids = [];
    const now = Date.now();
    let reactions = 0;
    let replies = 0;
    for (let i = 1; i <= N; i++) {
      const seq = from + i;
      const id = newId('m');
      ids.push(id);
      const author = members[i % members.length];
      // About 3% are replies to one of the previous 300 messages (some outside the page).
      let replyTo = null;
      if (i > 300 && i % 33 === 0) {
        replyTo = ids[i - 1 - (1 + ((i * 7919) % 300))];
        replies++;
      }
      const createdAt = now - (N - i) * 1000;
      insert.run(
        id,
        conversationId,
        seq,
        author.id,
        `${SENTENCES[i % SENTENCES.length]} (#${i})`,
        `hist-${i}`,
        replyTo,
        createdAt,
      );
      // About 5% carry a reaction or two.
      if (i % 20 === 7) {
        react.run(id, '👍', members[(i + 1) % members.length].id, createdAt + 500);
        reactions++;
        if (i % 40 === 7) {
          react.run(id, '🎉', members[(i + 2) % members.length].id, createdAt + 800);
          reactions++;
        }
      }
    }
    db.prepare(
      'UPDATE conversations SET last_seq = last_seq + ?, last_activity_at = ? WHERE id = ?',
    ).run(N, now, conversationId);
    return { lastSeq: from + N, reactions, replies };
  })();
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  db.pragma('wal_checkpoint(PASSIVE)');
  db.close();

  const randomBefore = () =>
    config.historyPageSize +
    1 +
    Math.floor(Math.random() * (lastSeq.lastSeq - config.historyPageSize));

  step(`timing ${config.historyRequests} history pages over HTTP…`);
  const pageUrl = (before) =>
    `${server.baseUrl}/api/v1/conversations/${conversationId}/messages?before=${before}&limit=${config.historyPageSize}`;
  const getPage = async (before) => {
    const res = await fetch(pageUrl(before), { headers: { cookie: members[0].cookie } });
    const json = await res.json();
    return res.ok ? json.messages.length : -res.status;
  };
  for (let i = 0; i < 20; i++) await getPage(randomBefore()); // warm-up
  const http = [];
  let short = 0;
  for (let i = 0; i < config.historyRequests; i++) {
    const t = performance.now();
    const count = await getPage(randomBefore());
    http.push(performance.now() - t);
    if (count !== config.historyPageSize) short++;
  }

  step(`timing ${config.historyRequests} history pages on the store (adapter SQL)…`);
  const store = storeTimings(dbFile, conversationId, randomBefore);

  return {
    conversationMessages: N,
    reactionsWritten: lastSeq.reactions,
    repliesWritten: lastSeq.replies,
    insertSeconds: Math.round(insertSeconds * 100) / 100,
    pageSize: config.historyPageSize,
    requests: config.historyRequests,
    httpLatencyMs: summarize(http),
    httpPagesNotFull: short,
    storeLatencyMs: store.full,
    storePageQueryOnlyMs: store.pageOnly,
  };
}

/**
 * What SqliteStore.listMessages() plus withReplies() run for one page, on a fresh connection to
 * the same file: the page (UNIQUE (conversation_id, seq) index), the page's reactions, the reply
 * targets not in the page and their reactions; the JSON columns parsed as toMessage() does.
 */
function storeTimings(dbFile, conversationId, randomBefore) {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const pageDown = db.prepare(
    `SELECT * FROM messages WHERE conversation_id = ? AND seq < ? AND seq > ?
     ORDER BY seq DESC LIMIT ?`,
  );
  const reactionsOf = db.prepare(
    `SELECT message_id, emoji, user_id FROM reactions
     WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
  );
  const byIds = db.prepare('SELECT * FROM messages WHERE id IN (SELECT value FROM json_each(?))');
  const withReactions = (rows) => {
    if (rows.length === 0) return [];
    const grouped = new Map();
    for (const r of reactionsOf.all(JSON.stringify(rows.map((row) => row.id)))) {
      const byEmoji = grouped.get(r.message_id) ?? new Map();
      grouped.set(r.message_id, byEmoji);
      byEmoji.set(r.emoji, [...(byEmoji.get(r.emoji) ?? []), r.user_id]);
    }
    return rows.map((row) => ({
      ...row,
      attachments: JSON.parse(row.attachments),
      mentions: JSON.parse(row.mentions),
      system: row.system === null ? null : JSON.parse(row.system),
      reactions: [...(grouped.get(row.id) ?? [])].map(([emoji, userIds]) => ({ emoji, userIds })),
    }));
  };
  const size = config.historyPageSize;
  const one = () => {
    const rows = pageDown.all(conversationId, randomBefore(), -1, size + 1);
    const messages = withReactions(rows.slice(0, size).reverse());
    const inPage = new Set(messages.map((m) => m.id));
    const missing = [
      ...new Set(messages.map((m) => m.reply_to_id).filter((id) => id && !inPage.has(id))),
    ];
    if (missing.length > 0) withReactions(byIds.all(JSON.stringify(missing)));
    return messages.length;
  };
  for (let i = 0; i < 20; i++) one(); // warm-up
  const full = [];
  for (let i = 0; i < config.historyRequests; i++) {
    const t = performance.now();
    one();
    full.push(performance.now() - t);
  }
  const pageOnly = [];
  for (let i = 0; i < config.historyRequests; i++) {
    const t = performance.now();
    pageDown.all(conversationId, randomBefore(), -1, size + 1);
    pageOnly.push(performance.now() - t);
  }
  db.close();
  return { full: summarize(full), pageOnly: summarize(pageOnly) };
}

/** Which code was measured: the commit, and how many files differed from it. */
function gitInfo() {
  const git = (...args) => spawnSync('git', args, { encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  const status = git('status', '--porcelain');
  if (head.status !== 0) return null;
  return {
    commit: head.stdout.trim(),
    changedFiles: status.stdout.split('\n').filter(Boolean).length,
  };
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────

function verdict(value, target) {
  if (value === null || value === undefined) return 'n/a';
  return value < target ? `✓ under ${target} ms` : `✗ target ${target} ms`;
}

function printSummary(results) {
  const r = results.realtime;
  const h = results.history;
  const lines = [
    '',
    `Parley message benchmark — ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}, production build`,
    '',
    `Realtime: ${r.groups} groups × ${r.groupSize} people (${r.people} inbox sockets), ${r.offeredRate} msg/s offered for ${r.durationSeconds} s (+${r.warmupSeconds} s warm-up)`,
    `  messages created       ${r.messagesCreated} / ${r.messagesOffered}${Object.keys(r.sendFailures).length ? `  failures: ${JSON.stringify(r.sendFailures)}` : ''}`,
    `  sustained              ${r.sustainedMessagesPerSecond} msg/s sent · ${r.deliveriesPerSecond} deliveries/s (max send lag ${r.maxSendLagMs} ms)`,
    `  delivery (send → each other member's socket)`,
    `                         ${formatSummary(r.deliveryLatencyMs)}  ${verdict(r.deliveryLatencyMs.p99, TARGETS.deliveryP99Ms)}`,
    `  all members reached    ${formatSummary(r.allRecipientsLatencyMs)}`,
    `  HTTP POST              ${formatSummary(r.httpPostLatencyMs)}`,
    `  completeness           ${r.deliveries.received} / ${r.deliveries.expected} = ${(r.deliveries.completeness * 100).toFixed(2)}% · duplicates ${r.deliveries.duplicates} · publish failures ${r.publishFailuresLogged}${r.partykitRestarts ? ` · PartyKit restarted ${r.partykitRestarts}× (!)` : ''}`,
    `  load average (1 min)   ${r.loadAverage.before} before · ${r.loadAverage.after} after sending (${results.machine.cpus} cores)`,
    `  CPU while sending      ${Object.entries(r.cpuPercentOfOneCoreWhileSending)
      .map(([name, pct]) => `${name} ${pct}%`)
      .join(' · ')}`,
    `  CPU per message        ${Object.entries(r.cpuMsPerMessage)
      .map(([name, ms]) => `${name.replace(/ \(.*\)$/, '')} ${ms} ms`)
      .join(' · ')}`,
    ...((r.cpuPercentOfOneCoreWhileSending['other processes on the machine'] ?? 0) > 25
      ? [
          `  ! other processes used ${r.cpuPercentOfOneCoreWhileSending['other processes on the machine']}% of a core while sending: latencies include waiting for CPU`,
        ]
      : []),
    '',
    `History: one conversation of ${h.conversationMessages.toLocaleString('en')} messages (written in ${h.insertSeconds} s), ${h.requests} random pages of ${h.pageSize} (before=<random seq>)`,
    `  HTTP GET               ${formatSummary(h.httpLatencyMs)}  ${verdict(h.httpLatencyMs.p99, TARGETS.historyP99Ms)}${h.httpPagesNotFull ? `  (${h.httpPagesNotFull} pages not full!)` : ''}`,
    `  store (adapter SQL)    ${formatSummary(h.storeLatencyMs)}  ${verdict(h.storeLatencyMs.p99, TARGETS.historyP99Ms)}`,
    `  page query alone       ${formatSummary(h.storePageQueryOnlyMs)}`,
    '',
    `Whole run ${results.totalSeconds} s${results.buildSeconds !== null ? ` (build ${results.buildSeconds} s)` : ' (build skipped)'} · results in ${RESULTS_DIR}/messages.json`,
  ];
  console.log(lines.join('\n'));
}

async function main() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  let buildSeconds = null;
  if (config.skipBuild) {
    if (!existsSync(path.join(DIST_DIR, 'BUILD_ID'))) {
      console.error(`BENCH_SKIP_BUILD is set but ${DIST_DIR} holds no build; run once without it.`);
      process.exit(1);
    }
    step(`reusing the build in ${DIST_DIR}`);
  } else {
    step(`building into ${DIST_DIR} (log: ${RESULTS_DIR}/messages-build.log)…`);
    buildSeconds = Math.round(
      await build({ distDir: DIST_DIR, logFile: path.join(RESULTS_DIR, 'messages-build.log') }),
    );
  }

  step('starting Next.js (production) and partykit dev on free ports…');
  const server = await startServer({
    distDir: DIST_DIR,
    logFile: path.join(RESULTS_DIR, 'messages-server.log'),
    extraEnv: { PARLEY_RATE_LIMITS: 'off', LOG_LEVEL: process.env.LOG_LEVEL || 'warn' },
  });
  const stop = () => server.stop({ keepData: config.keepData });
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => {
      void stop().finally(() => process.exit(130));
    });
  step(
    `server up: ${server.baseUrl} · PartyKit 127.0.0.1:${server.partyPort} · data ${server.dataDir}`,
  );

  const runId = randomBytes(4).toString('hex');
  const api = createApi(server.baseUrl, { waitOnRateLimit: false });
  let results;
  try {
    const realtime = await realtimePhase(server, api, runId);
    const history = await historyPhase(server, api, runId);
    results = {
      startedAt: new Date(Date.now() - (performance.now() - benchStarted)).toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.versions.node,
        platform: `${os.platform()} ${os.release()}`,
      },
      code: gitInfo(),
      config: { ...config, rateLimits: 'off (PARLEY_RATE_LIMITS=off on the bench server)' },
      targets: {
        deliveryP99Ms: TARGETS.deliveryP99Ms,
        deliveryMet: realtime.deliveryLatencyMs.p99 < TARGETS.deliveryP99Ms,
        historyP99Ms: TARGETS.historyP99Ms,
        historyHttpMet: history.httpLatencyMs.p99 < TARGETS.historyP99Ms,
        historyStoreMet: history.storeLatencyMs.p99 < TARGETS.historyP99Ms,
      },
      realtime,
      history,
      buildSeconds,
      totalSeconds: null,
    };
  } finally {
    await stop();
    if (config.keepData) step(`data kept in ${server.dataDir}`);
  }
  results.totalSeconds = Math.round((performance.now() - benchStarted) / 100) / 10;
  writeFileSync(path.join(RESULTS_DIR, 'messages.json'), JSON.stringify(results, null, 2) + '\n');
  printSummary(results);
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
