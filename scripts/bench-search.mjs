#!/usr/bin/env node
// `npm run bench:search`: how fast search answers on the embedded store, and what its index costs.
//
// 1. A throw-away SQLite store (the real adapter, migrations and all) filled with 1,000,000
//    messages across 2,000 conversations, written straight into the tables in one transaction
//    with the search triggers set aside, then indexed in one pass (the migration's backfill).
//    Text: words drawn from a Zipf-like vocabulary (with diacritics), a stock phrase in 1 %,
//    Japanese sentences in 5 %, a rare word in about 0.01 %.
// 2. For one person in 50 conversations, 500 searches of each kind through the adapter's
//    searchMessages (membership, index, rows and reactions, as the route calls it), 20 a page,
//    newest first: a common word, a rare word, a 3-4 letter prefix, a phrase, a Japanese
//    substring (2-4 characters: shorter than a trigram included) and a common word with from:.
// 3. The cost the index adds to a send: createMessage p50/p99 with the triggers and without
//    them, alternating blocks so the machine's load hits both alike.
// 4. The index's size on disk (dbstat), next to the messages table's.
//
// Options (flag or environment variable):
//   --messages=1000000   BENCH_MESSAGES         messages in the store
//   --conversations=2000 BENCH_CONVERSATIONS    conversations
//   --searches=500       BENCH_SEARCHES         searches of each kind
//   --sends=2000         BENCH_SENDS            sends measured with and without the index (each)
// Results: bench-results/search.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createJiti } from 'jiti';

import { fillMessages } from './bench-search/fill.mjs';
import {
  COMMON,
  JAPANESE,
  RARE,
  messageText,
  pick,
  random,
  zipfWord,
} from './bench-search/text.mjs';
import { formatSummary, summarize } from './lib/stats.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const jiti = createJiti(import.meta.url, { alias: { '@': root.replace(/\/$/, '') } });

const option = (flag, envName, fallback) => {
  const arg = process.argv.find((a) => a.startsWith(`--${flag}=`));
  const value = arg ? arg.slice(arg.indexOf('=') + 1) : process.env[envName];
  const n = Number(value);
  return value === undefined || value === '' || !Number.isFinite(n) || n <= 0 ? fallback : n;
};
const MESSAGES = option('messages', 'BENCH_MESSAGES', 1_000_000);
const CONVERSATIONS = option('conversations', 'BENCH_CONVERSATIONS', 2000);
const SEARCHES = option('searches', 'BENCH_SEARCHES', 500);
const SENDS = option('sends', 'BENCH_SENDS', 2000);
const PERSON_IN = 50;
const TARGETS = { searchP99Ms: 50, sendOverheadPct: 15 };

// ── the store ────────────────────────────────────────────────────────────────────────────────

const { createSqliteStore } = await jiti.import('../lib/db/sqlite/index.ts');
const { parseQuery } = await jiti.import('../lib/search/query.ts');

const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-search-'));
const file = path.join(dir, 'parley.db');
const store = createSqliteStore(file);
const { db } = store;

const triggers = db
  .prepare(
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'messages_search_%'",
  )
  .all();
const dropTriggers = () => triggers.forEach((t) => db.exec(`DROP TRIGGER ${t.name}`));
const restoreTriggers = () => triggers.forEach((t) => db.exec(t.sql));

const started = Date.now();
const log = (text) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${text}`);

log(`filling ${MESSAGES.toLocaleString()} messages in ${CONVERSATIONS} conversations…`);
dropTriggers();
const { person, conversations, membersOf } = fillMessages(db, {
  messages: MESSAGES,
  conversations: CONVERSATIONS,
  personIn: PERSON_IN,
});
log('messages written; building the search index in one pass…');
const indexStart = performance.now();
db.exec(`INSERT INTO message_search (rowid, body, meta) SELECT id, body, meta FROM message_search_source;
         INSERT INTO message_search_cjk (rowid, body) SELECT id, body FROM message_search_source WHERE unspaced;
         INSERT INTO message_search (message_search) VALUES ('optimize');
         INSERT INTO message_search_cjk (message_search_cjk) VALUES ('optimize');`);
const indexBuildMs = performance.now() - indexStart;
restoreTriggers();
db.exec('ANALYZE');
log(`index built in ${(indexBuildMs / 1000).toFixed(1)} s`);

// ── searches ─────────────────────────────────────────────────────────────────────────────────

const personConversations = conversations.slice(0, PERSON_IN);
const someMember = membersOf.get(personConversations[0]).find((m) => m !== person);
const japaneseSubstring = () => {
  const s = [...pick(JAPANESE)];
  const len = 2 + Math.floor(random() * 3);
  const at = Math.floor(random() * (s.length - len + 1));
  return s.slice(at, at + len).join('');
};
const KINDS = {
  'common word': () => pick(COMMON),
  'rare word': () => pick(RARE),
  prefix: () => {
    const w = zipfWord();
    return w.slice(0, 3 + Math.floor(random() * 2));
  },
  phrase: () => '"lunch at noon"',
  'CJK substring': japaneseSubstring,
  'with from:': () => ({ q: pick(COMMON), authorIds: [someMember] }),
};

async function search(spec) {
  const { q, authorIds } = typeof spec === 'string' ? { q: spec, authorIds: null } : spec;
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(`${q}: ${parsed.error}`);
  return store.searchMessages({
    userId: person,
    terms: parsed.query.terms,
    authorIds,
    sort: 'newest',
    limit: 20,
  });
}

const searches = {};
for (const [kind, make] of Object.entries(KINDS)) {
  for (let i = 0; i < 20; i++) await search(make()); // warm the page cache and statements
  const times = [];
  let hits = 0;
  for (let i = 0; i < SEARCHES; i++) {
    const spec = make();
    const t = performance.now();
    const page = await search(spec);
    times.push(performance.now() - t);
    hits += page.messages.length;
  }
  searches[kind] = { ...summarize(times), meanResults: hits / SEARCHES };
  log(
    `${kind.padEnd(14)} ${formatSummary(searches[kind])} · ${(hits / SEARCHES).toFixed(1)} results`,
  );
}

// ── the cost of the index on a send ──────────────────────────────────────────────────────────

let sent = 0;
async function sends(n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const conversationId = pick(personConversations);
    const t = performance.now();
    // As the send route calls it: with a clientId and its outbox job (lib/chat/server/after-commit.ts).
    await store.createMessage({
      conversationId,
      authorId: person,
      body: messageText(),
      clientId: `bench-${sent++}`,
      jobs: (message) => [
        {
          name: 'message-created',
          payload: { messageId: message.id },
          dedupeId: `message-created:${message.id}`,
          dispatcher: 'local',
          runAt: new Date(),
          maxAttempts: 5,
        },
      ],
    });
    times.push(performance.now() - t);
  }
  return times;
}
const withIndex = [];
const withoutIndex = [];
const BLOCK = 250;
await sends(200); // warm-up
for (let done = 0; done < SENDS; done += BLOCK) {
  withIndex.push(...(await sends(BLOCK)));
  dropTriggers();
  withoutIndex.push(...(await sends(BLOCK)));
  restoreTriggers();
}
const sendWith = summarize(withIndex);
const sendWithout = summarize(withoutIndex);
const overhead = (a, b) => Math.round(((a - b) / b) * 1000) / 10;
log(`send with index    ${formatSummary(sendWith)}`);
log(`send without index ${formatSummary(sendWithout)}`);

// ── size on disk ─────────────────────────────────────────────────────────────────────────────

db.pragma('wal_checkpoint(TRUNCATE)');
const sizeOf = (like) =>
  db.prepare('SELECT coalesce(sum(pgsize), 0) AS bytes FROM dbstat WHERE name LIKE ?').get(like)
    .bytes;
const size = {
  searchIndexBytes: sizeOf('message_search%') - sizeOf('message_search_cjk%'),
  trigramIndexBytes: sizeOf('message_search_cjk%'),
  messagesTableBytes: sizeOf('messages'),
  databaseBytes:
    db.pragma('page_count', { simple: true }) * db.pragma('page_size', { simple: true }),
};
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
log(
  `index on disk: words ${mb(size.searchIndexBytes)}, trigrams ${mb(size.trigramIndexBytes)}; messages table ${mb(size.messagesTableBytes)}; file ${mb(size.databaseBytes)}`,
);

const worstSearchP99 = Math.max(...Object.values(searches).map((s) => s.p99));
const result = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load: os.loadavg() },
  setup: {
    messages: MESSAGES,
    conversations: CONVERSATIONS,
    personIn: PERSON_IN,
    searchesEach: SEARCHES,
    sendsEach: SENDS,
  },
  indexBuildMs: Math.round(indexBuildMs),
  searches,
  send: {
    withIndex: sendWith,
    withoutIndex: sendWithout,
    overheadPct: {
      p50: overhead(sendWith.p50, sendWithout.p50),
      p99: overhead(sendWith.p99, sendWithout.p99),
    },
  },
  size,
  targets: TARGETS,
  met: {
    searchP99: worstSearchP99 < TARGETS.searchP99Ms,
    sendOverhead: overhead(sendWith.p50, sendWithout.p50) < TARGETS.sendOverheadPct,
  },
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/search.json', `${JSON.stringify(result, null, 2)}\n`);
log(`send overhead p50 ${result.send.overheadPct.p50} %, p99 ${result.send.overheadPct.p99} %`);
log(
  `worst search p99 ${worstSearchP99} ms (goal < ${TARGETS.searchP99Ms}); written bench-results/search.json`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
