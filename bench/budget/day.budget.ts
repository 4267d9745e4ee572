/**
 * One simulated working day of a team, through the real route handlers and job handlers, against
 * fakes of the managed services that count what they are asked for (setup.ts). Prints the day
 * beside each free tier (lib/budget) and writes bench-results/budget-<people>.json.
 *
 * The people's behaviour is a model, stated here so it can be argued with: each sends
 * BUDGET_MESSAGES messages (half in DMs, a third in their team's group, the rest in the all-hands
 * group), spread over a 9-hour day; the others in the conversation are, at that moment, looking
 * at it (they mark it read at once), elsewhere in the app (they read it within half an hour) or
 * away (notified; they come back within three hours, some after the digest's delay). People open
 * the app three times a day, react to one message in twelve, ask Parley AI a couple of questions
 * and make a few calls. Their tabs cache what the browser code caches (./browser.ts): room
 * tokens, held timelines, read positions written in batches.
 */
import { readdirSync } from 'node:fs';

import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, expect, it, vi } from 'vitest';

import { POST as jobRoute } from '@/app/api/jobs/[name]/route';
import { POST as actOnCallRoute } from '@/app/api/v1/calls/[id]/route';
import { POST as startCallRoute } from '@/app/api/v1/conversations/[id]/calls/route';
import {
  POST as sendMessageRoute,
  GET as listMessagesRoute,
} from '@/app/api/v1/conversations/[id]/messages/route';
import { POST as markReadRoute } from '@/app/api/v1/conversations/[id]/read/route';
import {
  GET as listConversationsRoute,
  POST as createConversationRoute,
} from '@/app/api/v1/conversations/route';
import { PUT as addReactionRoute } from '@/app/api/v1/messages/[id]/reactions/[emoji]/route';
import { GET as listNotificationsRoute } from '@/app/api/v1/notifications/route';
import { POST as roomTokenRoute } from '@/app/api/v1/realtime/token/route';
import { ASSISTANT_ID } from '@/lib/assistant/identity';
import { READ_NOTIFICATION_RETENTION_DAYS } from '@/lib/notifications/server/retention';
import { runJobsInline } from '@/lib/jobs/inline';
import { budgetLines, budgetTable, largestTeam, type DayUsage } from '@/lib/budget/report';
import {
  getRequest,
  jsonRequest,
  newClientId,
  putRequest,
  signUpUser,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';
import { signQStash } from '@/test/qstash';
import { jobRegistry } from '@/workers';

import { needsToken, newTab, READ_PERSIST_DELAY_MS, type TabState } from './browser';
import { budgetWorld } from './world';

const PEOPLE = Number(process.env.BUDGET_PEOPLE ?? 25);
const MESSAGES_PER_PERSON = Number(process.env.BUDGET_MESSAGES ?? 80);
const DAY_START = Date.parse('2026-12-07T08:00:00Z');
const DAY_MS = 9 * 3600_000;
const MIN = 60_000;

const world = budgetWorld();
const services = world.services!;

/** A seeded generator, so two runs of the same size simulate the same day. */
let seed = 20261207;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (lo: number, hi: number) => lo + random() * (hi - lo);

// ── what the serverless platform is asked for: every route call, timed ──────────────────────────
const invocations: Record<string, { count: number; ms: number; cpuMs: number }> = {};
/** Server-rendered page loads are counted from the model (they are not run here). */
const PAGE_LOAD = 'page /chats (modelled)';

async function invoke(name: string, call: () => Promise<Response>): Promise<Response> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const res = await call();
  await res.clone().arrayBuffer();
  const entry = (invocations[name] ??= { count: 0, ms: 0, cpuMs: 0 });
  entry.count++;
  entry.ms += performance.now() - started;
  const used = process.cpuUsage(cpu);
  entry.cpuMs += (used.user + used.system) / 1000;
  return res;
}

function countPage(): void {
  (invocations[PAGE_LOAD] ??= { count: 0, ms: 0, cpuMs: 0 }).count++;
}

// ── PartyKit traffic that never reaches Next.js: sockets and their frames (modelled) ───────────
const sockets = { connects: 0, framesIn: 0, connectionMinutes: 0 };

// ── the simulated clock and its events ─────────────────────────────────────────────────────────
type Event = { at: number; run: () => Promise<void> };
const queue: Event[] = [];
const schedule = (at: number, run: () => Promise<void>) => {
  queue.push({ at, run });
  queue.sort((a, b) => a.at - b.at);
};

/** QStash: every publish is one message; a delivery that fails is retried (another message). */
const qstash = { cursor: 0, deliveries: 0, retries: 0, deduplicated: 0, seen: new Set<string>() };

function takeQStashPublishes(now: number): void {
  const { requests } = services.qstash;
  for (; qstash.cursor < requests.length; qstash.cursor++) {
    const req = requests[qstash.cursor]!;
    const dedupe = String(req.headers['upstash-deduplication-id'] ?? '');
    if (dedupe && qstash.seen.has(dedupe)) {
      qstash.deduplicated++;
      continue;
    }
    if (dedupe) qstash.seen.add(dedupe);
    const destination = decodeURIComponent(req.path.replace(/^\/v2\/publish\//, ''));
    const delay = Number(String(req.headers['upstash-delay'] ?? '0s').replace(/s$/, '')) || 0;
    deliverLater(now + delay * 1000, destination, req.body, 0);
  }
}

function deliverLater(at: number, destination: string, body: string, retried: number): void {
  schedule(at, async () => {
    qstash.deliveries++;
    const name = destination.split('/').pop()!;
    const signature = await signQStash({
      key: process.env.QSTASH_CURRENT_SIGNING_KEY!,
      url: destination,
      body,
    });
    const res = await invoke(`POST /api/jobs/${name}`, () =>
      jobRoute(
        new Request(destination, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'upstash-signature': signature,
            'upstash-retried': String(retried),
          },
          body,
        }),
        withParams({ name }),
      ),
    );
    if (!res.ok && res.status !== 489 && retried < 4) {
      qstash.retries++;
      deliverLater(Date.now() + 2 ** retried * 10_000, destination, body, retried + 1);
    }
  });
}

async function runUntil(at: number): Promise<void> {
  for (;;) {
    takeQStashPublishes(Date.now());
    const next = queue[0];
    if (!next || next.at > at) break;
    queue.shift();
    vi.setSystemTime(Math.max(Date.now(), next.at));
    await next.run();
    // Work a handler started without awaiting (realtime publishes) settles before the next event.
    await new Promise((r) => setImmediate(r));
  }
  vi.setSystemTime(Math.max(Date.now(), at));
}

// ── the team ───────────────────────────────────────────────────────────────────────────────────
type Person = {
  account: TestAccount;
  id: string;
  team: number;
  lastSession: number;
  tab: TabState;
};
type Chat = { id: string; members: string[]; lastSeq: number; lastMessageId: string | null };

const people: Person[] = [];
const chats = new Map<string, Chat>();
const teamGroups: Chat[] = [];
let allHands: Chat;
const directs = new Map<string, Chat>();
const byId = (id: string) => people.find((p) => p.id === id)!;

async function createConversation(owner: Person, body: unknown): Promise<Chat> {
  const res = await createConversationRoute(
    jsonRequest('POST', '/conversations', body, withCookie(owner.account.cookie)),
  );
  expect([200, 201]).toContain(res.status);
  const { conversation } = (await res.json()) as {
    conversation: { id: string; members: { id: string }[] };
  };
  const chat = {
    id: conversation.id,
    members: conversation.members.map((m) => m.id),
    lastSeq: 0,
    lastMessageId: null,
  };
  chats.set(chat.id, chat);
  return chat;
}

async function directBetween(a: Person, b: Person): Promise<Chat> {
  const key = [a.id, b.id].sort().join(':');
  let chat = directs.get(key);
  if (!chat) {
    chat = await createConversation(a, { kind: 'direct', memberIds: [b.id] });
    directs.set(key, chat);
  }
  return chat;
}

// ── what a person does ─────────────────────────────────────────────────────────────────────────
const cookie = (p: Person) => withCookie(p.account.cookie);
/** The conversation rooms a token minted for `p` now also opens. */
const roomsOf = (p: Person) =>
  [...chats.values()].filter((c) => c.members.includes(p.id)).map((c) => `conversation:${c.id}`);

/** Opening the app: the page, the conversation list, notifications and the inbox socket. */
async function openApp(p: Person): Promise<void> {
  p.lastSession = Date.now();
  p.tab = newTab(); // a page load starts with nothing cached
  countPage();
  await invoke('GET /api/v1/conversations', () =>
    listConversationsRoute(getRequest('/conversations', cookie(p))),
  );
  await invoke('GET /api/v1/notifications', () =>
    listNotificationsRoute(getRequest('/notifications', cookie(p))),
  );
  if (needsToken(p.tab, 'inbox', Date.now(), roomsOf(p))) {
    await invoke('POST /api/v1/realtime/token', () =>
      roomTokenRoute(jsonRequest('POST', '/realtime/token', { room: 'inbox' }, cookie(p))),
    );
  }
  sockets.connects++;
}

/**
 * Where a person is looking now: a conversation, elsewhere in the app (null) or away (tab
 * closed, `undefined`). Leaving a conversation writes its waiting read position; closing the tab
 * also forgets what it cached.
 */
async function look(p: Person, where: string | null | undefined): Promise<void> {
  const before = world.viewing.get(p.id);
  if (before && before !== where) await flushRead(p, before);
  if (where === undefined) {
    if (world.viewing.has(p.id)) {
      for (const chatId of [...p.tab.pendingReads.keys()]) await flushRead(p, chatId);
      const { notified } = p.tab;
      p.tab = { ...newTab(), notified };
    }
    world.viewing.delete(p.id);
  } else world.viewing.set(p.id, where);
}

/** Opening a conversation: its messages since the last seen one, its room, and the read mark. */
async function openConversation(p: Person, chat: Chat): Promise<void> {
  if (Date.now() - p.lastSession > 3 * 3600_000) await openApp(p);
  const opening = world.viewing.get(p.id) !== chat.id;
  await look(p, chat.id);
  // A held timeline kept current by the inbox is shown as it is (lib/chat/timeline-cache.ts).
  if (p.tab.held.get(chat.id) !== chat.lastSeq) {
    await invoke('GET /api/v1/conversations/:id/messages', () =>
      listMessagesRoute(
        getRequest(`/conversations/${chat.id}/messages`, cookie(p)),
        withParams({ id: chat.id }),
      ),
    );
    p.tab.held.set(chat.id, chat.lastSeq);
  }
  if (needsToken(p.tab, `conversation:${chat.id}`, Date.now(), roomsOf(p))) {
    await invoke('POST /api/v1/realtime/token', () =>
      roomTokenRoute(
        jsonRequest(
          'POST',
          '/realtime/token',
          { room: 'conversation', conversationId: chat.id },
          cookie(p),
        ),
      ),
    );
  }
  // Already looking at it (another message drew them back to where they are): no new socket.
  if (opening) sockets.connects++;
  await markRead(p, chat, { opening });
}

/**
 * Seeing the conversation's end: the position goes to the room at once (a frame, live receipts)
 * and is written later, or now on opening the conversation or when it clears a notification
 * (lib/chat/read-marks.ts).
 */
async function markRead(p: Person, chat: Chat, { opening }: { opening: boolean }): Promise<void> {
  if (chat.lastSeq === 0) return;
  sockets.framesIn++;
  const urgent = p.tab.notified.delete(chat.id) || opening;
  const waiting = p.tab.pendingReads.has(chat.id);
  p.tab.pendingReads.set(chat.id, chat.lastSeq);
  if (urgent) await flushRead(p, chat.id);
  else if (!waiting) schedule(Date.now() + READ_PERSIST_DELAY_MS, () => flushRead(p, chat.id));
}

async function flushRead(p: Person, chatId: string): Promise<void> {
  const seq = p.tab.pendingReads.get(chatId);
  if (seq === undefined) return;
  p.tab.pendingReads.delete(chatId);
  await invoke('POST /api/v1/conversations/:id/read', () =>
    markReadRoute(
      jsonRequest('POST', `/conversations/${chatId}/read`, { seq }, cookie(p)),
      withParams({ id: chatId }),
    ),
  );
}

const WORDS =
  'the a to and we it is on for this that ship deploy review fix test call later lunch today tomorrow looks good thanks idea plan bug merged build release docs meeting café Müller 東京'.split(
    ' ',
  );
const sentence = () =>
  Array.from({ length: Math.round(between(4, 28)) }, () => pick(WORDS)).join(' ');

async function send(author: Person, chat: Chat, body = sentence()): Promise<void> {
  await look(author, chat.id);
  sockets.framesIn += 2; // typing start and stop, throttled by the composer
  const replyToId = chat.members.length > 2 && random() < 0.1 ? chat.lastMessageId : null;
  const res = await invoke('POST /api/v1/conversations/:id/messages', () =>
    sendMessageRoute(
      jsonRequest(
        'POST',
        `/conversations/${chat.id}/messages`,
        { body, clientId: newClientId(), ...(replyToId ? { replyToId } : {}) },
        cookie(author),
      ),
      withParams({ id: chat.id }),
    ),
  );
  expect(res.status, await res.clone().text()).toBe(201);
  const { message } = (await res.json()) as { message: { id: string; seq: number } };
  chat.lastSeq = message.seq;
  chat.lastMessageId = message.id;
  // Open tabs hear it on their inbox socket: the timelines they hold stay current.
  for (const memberId of chat.members) {
    if (memberId === ASSISTANT_ID || !world.viewing.has(memberId)) continue;
    const { held } = byId(memberId).tab;
    if (held.get(chat.id) === message.seq - 1) held.set(chat.id, message.seq);
  }

  for (const memberId of chat.members) {
    if (memberId === author.id || memberId === ASSISTANT_ID) continue;
    const member = byId(memberId);
    if (world.viewing.get(memberId) === chat.id) {
      await markRead(member, chat, { opening: false });
      if (random() < 1 / 12) {
        await invoke('PUT /api/v1/messages/:id/reactions/:emoji', () =>
          addReactionRoute(
            putRequest(
              `/messages/${message.id}/reactions/${encodeURIComponent('👍')}`,
              cookie(member),
            ),
            withParams({ id: message.id, emoji: '👍' }),
          ),
        );
      }
      continue;
    }
    const away = !world.viewing.has(memberId);
    // A DM notifies whoever is not looking at it (the default level: DMs and mentions).
    if (chat.members.length === 2) member.tab.notified.add(chat.id);
    const later = Date.now() + (away ? between(5, 180) : between(1, 30)) * MIN;
    schedule(later, () => openConversation(member, chat));
  }
}

/** Every quarter hour each person is, independently, away (35 %), elsewhere (25 %) or looking. */
async function shufflePresence(): Promise<void> {
  for (const p of people) {
    const roll = random();
    if (roll < 0.35)
      await look(p, undefined); // away: the tab is closed
    else if (roll < 0.6) await look(p, null);
    else await look(p, pick([...chats.values()].filter((c) => c.members.includes(p.id))).id);
  }
  sockets.connectionMinutes += 15 * [...world.viewing.keys()].length;
}

async function call(a: Person, b: Person): Promise<void> {
  const chat = await directBetween(a, b);
  const started = await invoke('POST /api/v1/conversations/:id/calls', () =>
    startCallRoute(
      jsonRequest('POST', `/conversations/${chat.id}/calls`, { kind: 'audio' }, cookie(a)),
      withParams({ id: chat.id }),
    ),
  );
  // Someone in a call already (two calls drawn close together) is busy: no call then.
  if (!started.ok) {
    console.warn(`call not started: ${started.status} ${await started.text()}`);
    return;
  }
  const { call: live } = (await started.json()) as { call: { id: string } };
  const act = (p: Person, action: string) =>
    invoke('POST /api/v1/calls/:id', () =>
      actOnCallRoute(
        jsonRequest('POST', `/calls/${live.id}`, { action }, cookie(p)),
        withParams({ id: live.id }),
      ),
    );
  await act(b, 'accept');
  for (const p of [a, b]) {
    await invoke('POST /api/v1/realtime/token', () =>
      roomTokenRoute(
        jsonRequest('POST', '/realtime/token', { room: 'call', callId: live.id }, cookie(p)),
      ),
    );
  }
  sockets.connects += 2;
  sockets.framesIn += 2 * 30; // offers, answers, ICE candidates, mute changes
  schedule(Date.now() + between(5, 20) * MIN, async () => void (await act(a, 'hangup')));
}

/**
 * Bytes the store keeps, per table (its indexes included), from SQLite's dbstat. Succeeded jobs
 * are pruned after a week (lib/jobs/local-dispatcher.ts, keepSucceededMs), so they do not grow a
 * year's storage and are left out. MongoDB stores documents differently (BSON, compressed by
 * WiredTiger); the SQLite figure is the estimate.
 */
function tableBytes(): Record<string, number> {
  const db = new Database(path.join(services.dataDir, 'parley.db'));
  const rows = db
    .prepare<[], { tbl: string; bytes: number }>(
      `SELECT s.tbl_name AS tbl, SUM(d.pgsize) AS bytes FROM dbstat d
       JOIN sqlite_schema s ON s.name = d.name GROUP BY s.tbl_name`,
    )
    .all();
  db.close();
  return Object.fromEntries(rows.map((r) => [r.tbl, r.bytes]));
}
const PRUNED_TABLES = new Set(['jobs']);
/**
 * Direct conversations are created the first time two people write to each other, which in this
 * one-day model is the day itself: a team's DMs (and their memberships) are made once, not every
 * day, so their bytes count once in a year, not 365 times.
 */
const ONE_TIME_TABLES = ['conversations', 'memberships'];

/**
 * Read notifications are deleted after READ_NOTIFICATION_RETENTION_DAYS (the daily
 * `prune-notifications` job): of a year's notifications, the read ones are kept that many days
 * and the unread ones all year. Returns the share of a year's notification bytes kept.
 */
function notificationsKeptShare(): number {
  const db = new Database(path.join(services.dataDir, 'parley.db'));
  const { read, all } = db
    .prepare<[], { read: number; all: number }>(
      'SELECT COUNT(read_at) AS read, COUNT(*) AS "all" FROM notifications',
    )
    .get()!;
  db.close();
  if (all === 0) return 1;
  return ((all - read) * 365 + read * READ_NOTIFICATION_RETENTION_DAYS) / (all * 365);
}
const keptBytes = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(after)
      .filter(([t]) => !PRUNED_TABLES.has(t))
      .map(([t, b]) => [t, b - (before[t] ?? 0)])
      .filter(([, b]) => (b as number) > 0),
  ) as Record<string, number>;

it(`a day of ${PEOPLE} people sending ${MESSAGES_PER_PERSON} messages each`, async () => {
  // As instrumentation.ts does with QStash: jobs due at once run after the response.
  if (process.env.BUDGET_INLINE !== 'off') runJobsInline(jobRegistry);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(DAY_START - 3600_000);

  // Set-up (accounts, groups) is not part of the day.
  for (let i = 0; i < PEOPLE; i++) {
    const account = await signUpUser({ name: `Person ${i + 1}` });
    people.push({ account, id: account.user.id, team: i % 3, lastSession: 0, tab: newTab() });
  }
  // A team of one (a team of 5 has one) has no group of its own: it writes in the all-hands one.
  const alone: number[] = [];
  for (let team = 0; team < 3; team++) {
    const members = people.filter((p) => p.team === team);
    if (members.length < 2) {
      alone.push(team);
      continue;
    }
    teamGroups[team] = await createConversation(members[0]!, {
      kind: 'group',
      name: `Team ${team + 1}`,
      memberIds: members.slice(1).map((m) => m.id),
    });
  }
  allHands = await createConversation(people[0]!, {
    kind: 'group',
    name: 'Everyone',
    memberIds: people.slice(1).map((m) => m.id),
  });
  for (const team of alone) teamGroups[team] = allHands;
  const assistantChats = new Map<string, Chat>();
  for (const p of people.slice(0, 10))
    assistantChats.set(
      p.id,
      await createConversation(p, { kind: 'direct', memberIds: [ASSISTANT_ID] }),
    );

  const baseline = {
    qstash: services.qstash.requests.length,
    upstash: services.upstash.requests.reduce((n, r) => n + r.commands.length, 0),
    party: { ...world.party },
    bytes: tableBytes(),
    ai: services.ai.requests.length,
  };
  qstash.cursor = baseline.qstash;
  for (const k of Object.keys(invocations)) delete invocations[k];
  vi.setSystemTime(DAY_START);

  // The day's plan.
  for (const p of people) schedule(DAY_START + between(0, 60) * MIN, () => openApp(p));
  for (let t = DAY_START; t < DAY_START + DAY_MS; t += 15 * MIN)
    schedule(t, () => shufflePresence());
  for (const p of people) {
    for (let i = 0; i < MESSAGES_PER_PERSON; i++) {
      schedule(DAY_START + between(0, DAY_MS), async () => {
        const roll = random();
        const peer = pick(people.filter((q) => q !== p));
        const chat =
          roll < 0.5 ? await directBetween(p, peer) : roll < 0.85 ? teamGroups[p.team]! : allHands;
        await send(p, chat);
      });
    }
  }
  for (const [userId, chat] of assistantChats) {
    for (let i = 0; i < 2; i++)
      schedule(DAY_START + between(0, DAY_MS), () =>
        send(byId(userId), chat, `Parley AI, ${sentence()}?`),
      );
  }
  for (let i = 0; i < 5; i++) {
    const a = pick(people);
    schedule(DAY_START + between(0, DAY_MS), () => call(a, pick(people.filter((q) => q !== a))));
  }

  await runUntil(DAY_START + DAY_MS);
  for (const p of people) await look(p, undefined);
  // The evening: late reads, digests and anything else queued for later.
  await runUntil(DAY_START + 24 * 3600_000);
  // Jobs still running after their response (inline) finish, and whatever they queued runs.
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 100));
    await runUntil(Date.now() + 3600_000);
  }
  vi.useRealTimers();

  const sum = (f: (e: { count: number; ms: number; cpuMs: number }) => number) =>
    Object.values(invocations).reduce((n, e) => n + f(e), 0);
  const upstashCommands =
    services.upstash.requests.reduce((n, r) => n + r.commands.length, 0) - baseline.upstash;
  const partyHttp = world.party.requests - baseline.party.requests;
  const partyForwards = world.party.forwards - baseline.party.forwards;
  const partyRequests =
    partyHttp + partyForwards + sockets.connects + Math.ceil(sockets.framesIn / 20);
  const byTable = keptBytes(baseline.bytes, tableBytes());
  const dayBytes = Object.values(byTable).reduce((n, b) => n + b, 0);
  const notificationShare = notificationsKeptShare();
  const oneTimeBytes = ONE_TIME_TABLES.reduce((n, t) => n + (byTable[t] ?? 0), 0);
  const yearBytes = Math.round(
    (dayBytes - oneTimeBytes - (byTable.notifications ?? 0) * (1 - notificationShare)) * 365 +
      oneTimeBytes,
  );
  const emails = readdirSync(path.join(services.dataDir, 'outbox'), { withFileTypes: true }).filter(
    (f) => f.name.endsWith('.eml'),
  ).length;
  const aiRequests = services.ai.requests.slice(baseline.ai);
  const aiPromptTokens = Math.round(
    aiRequests.reduce((n, r) => n + JSON.stringify(r.body).length, 0) / 4,
  );

  const usage: DayUsage = {
    'qstash.messages': qstash.deliveries,
    'upstash.commands': upstashCommands,
    'vercel.invocations': sum((e) => e.count),
    'vercel.active-cpu': sum((e) => e.cpuMs) / 1000,
    'partykit.requests': partyRequests,
    'mongodb.storage': yearBytes,
    'email.messages': emails,
  };
  const lines = budgetLines(usage);
  const fit = largestTeam(lines, PEOPLE);
  const messages = PEOPLE * MESSAGES_PER_PERSON;
  const result = {
    people: PEOPLE,
    messagesPerPerson: MESSAGES_PER_PERSON,
    messages,
    usage,
    largestTeam: fit,
    detail: {
      qstash: {
        deliveries: qstash.deliveries,
        retries: qstash.retries,
        deduplicatedPublishes: qstash.deduplicated,
      },
      upstashCommandsPerInvocation: +(upstashCommands / usage['vercel.invocations']).toFixed(2),
      invocations: Object.fromEntries(
        Object.entries(invocations)
          .sort(([, a], [, b]) => b.count - a.count)
          .map(([name, e]) => [
            name,
            { count: e.count, totalMs: Math.round(e.ms), cpuMs: Math.round(e.cpuMs) },
          ]),
      ),
      partykit: {
        httpFromNext: partyHttp,
        forwardsToInboxes: partyForwards,
        socketConnects: sockets.connects,
        framesInBilled20to1: Math.ceil(sockets.framesIn / 20),
        connectionMinutes: sockets.connectionMinutes,
      },
      store: {
        bytesKeptFromTheDay: dayBytes,
        projectedYearBytes: yearBytes,
        notificationsKeptShareOfAYear: +notificationShare.toFixed(3),
        oneTimeBytes,
        byTable,
      },
      emails,
      ai: { requests: aiRequests.length, promptTokensEstimated: aiPromptTokens },
    },
  };

  console.log(
    `\nA day of ${PEOPLE} people, ${messages} messages (bench/budget/day.budget.ts):\n\n${budgetTable(lines)}\n\n` +
      `Largest team with 2× headroom everywhere: ${fit.people} people (limited by ${fit.limitedBy}).\n` +
      `Detail: ${JSON.stringify(result.detail, null, 2)}\n`,
  );
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(`bench-results/budget-${PEOPLE}.json`, `${JSON.stringify(result, null, 2)}\n`);
  expect(messages).toBeGreaterThan(0);
});

afterAll(async () => {
  await Promise.all([services.qstash.close(), services.upstash.close(), services.ai.close()]);
});
