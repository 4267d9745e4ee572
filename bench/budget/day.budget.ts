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
 *
 * The pieces: random.ts (the seeded draws), metering.ts (what is counted), clock.ts (events and
 * the QStash relay), team.ts, viewing.ts and sending.ts (what people do), storage.ts (bytes kept).
 */
import { readdirSync } from 'node:fs';

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, expect, it, vi } from 'vitest';

import { ASSISTANT_ID } from '@/lib/assistant/identity';
import { runJobsInline } from '@/lib/jobs/inline';
import { budgetLines, budgetTable, largestTeam, type DayUsage } from '@/lib/budget/report';
import { signUpUser } from '@/test/api';
import { jobRegistry } from '@/workers';

import { newTab } from './browser';
import { MIN, qstash, runUntil, schedule } from './clock';
import { invocations, sockets } from './metering';
import { between, pick, random } from './random';
import { call, send, sentence } from './sending';
import { keptBytes, notificationsKeptShare, ONE_TIME_TABLES, tableBytes } from './storage';
import { byId, createConversation, directBetween, people, type Chat } from './team';
import { look, shufflePresence } from './viewing';
import { EVERY_INBOX, budgetWorld } from './world';

const PEOPLE = Number(process.env.BUDGET_PEOPLE ?? 25);
const MESSAGES_PER_PERSON = Number(process.env.BUDGET_MESSAGES ?? 80);
const DAY_START = Date.parse('2026-12-07T08:00:00Z');
const DAY_MS = 9 * 3600_000;

const world = budgetWorld();
const services = world.services!;

const teamGroups: Chat[] = [];
let allHands: Chat;

it(`a day of ${PEOPLE} people sending ${MESSAGES_PER_PERSON} messages each`, async () => {
  // As instrumentation.ts does with QStash: jobs due at once run after the response.
  if (process.env.BUDGET_INLINE !== 'off') runJobsInline(jobRegistry);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(DAY_START - 3600_000);

  // Set-up (accounts, groups) is not part of the day.
  for (let i = 0; i < PEOPLE; i++) {
    const account = await signUpUser({ name: `Person ${i + 1}` });
    people.push({ account, id: account.user.id, team: i % 3, tab: newTab() });
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
    party: { ...world.party, forwardsByEvent: { ...world.party.forwardsByEvent } },
    bytes: tableBytes(),
    ai: services.ai.requests.length,
  };
  qstash.cursor = baseline.qstash;
  for (const k of Object.keys(invocations)) delete invocations[k];
  vi.setSystemTime(DAY_START);

  // The day's plan.
  // Each person's first look opens the app (look() does, for anyone whose tab is closed).
  for (const p of people)
    schedule(DAY_START + between(0, 60) * MIN, () => look(p, world.viewing.get(p.id) ?? null));
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
  const partyResumes = world.party.resumes - baseline.party.resumes;
  const partyRequests =
    partyHttp +
    partyForwards +
    partyResumes +
    sockets.connects +
    sockets.reports +
    Math.ceil(sockets.framesIn / 20);
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
        forwardsByEvent: Object.fromEntries(
          Object.entries(world.party.forwardsByEvent)
            .map(([type, n]) => [type, n - (baseline.party.forwardsByEvent[type] ?? 0)] as const)
            .filter(([, n]) => n > 0)
            .sort(([, a], [, b]) => b - a),
        ),
        forwardsSkipped: world.party.skipped - baseline.party.skipped,
        resumesOnConnect: partyResumes,
        fanOut: EVERY_INBOX ? 'every inbox (BUDGET_FANOUT=every)' : 'skips inboxes no tab needs',
        socketConnects: sockets.connects,
        socketCountReports: sockets.reports,
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
