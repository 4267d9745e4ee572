/**
 * The managed services of a free-tier deployment, faked locally and counting what they are asked
 * for: QStash (publishes), Upstash Redis (commands), PartyKit (requests to rooms, and the
 * room-to-room forwards they cause), an OpenAI-compatible AI provider. The environment points the
 * app at them before any app module reads it (lib/env.ts parses once, at import).
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startFakeOpenAI } from '@/test/fake-openai';
import { startFakeUpstashRedis } from '@/test/fake-upstash-redis';
import { CURRENT_KEY, startFakeQStash } from '@/test/qstash';

import { budgetWorld } from './world';

const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-budget-'));
const world = budgetWorld();
const upstashToken = 'budget-upstash-token';

const qstash = await startFakeQStash();
const upstash = await startFakeUpstashRedis({ token: upstashToken, now: () => Date.now() });
const ai = await startFakeOpenAI({
  kind: 'stream',
  pieces: ['Sure — ', 'here is ', 'a short answer.'],
});

/**
 * PartyKit: counts each request; a conversation publish also counts its forwards to inboxes,
 * leaving out those the room skips for recipients with no tab (world.forward).
 */
const party = createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString()));
  req.on('end', () => {
    const [, , partyName, room] = (req.url ?? '').split('/');
    world.party.requests++;
    world.party.byKind[`${req.method} ${partyName}`] =
      (world.party.byKind[`${req.method} ${partyName}`] ?? 0) + 1;
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET' && partyName === 'conversation') {
      res.end(JSON.stringify({ viewers: world.viewersOf(decodeURIComponent(room ?? '')) }));
      return;
    }
    const body = raw
      ? (JSON.parse(raw) as { recipients?: string[]; events?: { type: string }[] })
      : {};
    const forwards = world.forward(
      decodeURIComponent(room ?? ''),
      body.recipients ?? [],
      (body.events ?? []).map((e) => e.type),
    );
    // A conversation room answers a publish with its viewers too (lib/rooms/conversation.ts).
    const viewers =
      partyName === 'conversation'
        ? { viewers: world.viewersOf(decodeURIComponent(room ?? '')) }
        : {};
    res.end(JSON.stringify({ delivered: forwards, ...viewers }));
  });
});
await new Promise<void>((resolve) => party.listen(0, '127.0.0.1', resolve));

world.services = { qstash, upstash, ai, dataDir };

Object.assign(process.env, {
  NEXTAUTH_SECRET: 'budget-nextauth-secret-'.padEnd(48, 'n'),
  PARTY_SECRET: 'budget-party-secret-'.padEnd(48, 'p'),
  ROOM_TOKEN_KEY: 'budget-room-token-key-'.padEnd(48, 'r'),
  JOBS_SECRET: 'budget-jobs-secret-'.padEnd(48, 'j'),
  PARLEY_DATA_DIR: dataDir,
  SQLITE_PATH: path.join(dataDir, 'parley.db'),
  NEXTAUTH_URL: 'http://parley.test',
  PARLEY_PEER_ADDRESS_HEADER: '1',
  PARTYKIT_HOST: `127.0.0.1:${(party.address() as AddressInfo).port}`,
  QSTASH_TOKEN: 'budget-qstash-token',
  QSTASH_URL: qstash.url,
  QSTASH_CURRENT_SIGNING_KEY: CURRENT_KEY,
  UPSTASH_REDIS_REST_URL: upstash.url,
  UPSTASH_REDIS_REST_TOKEN: upstashToken,
  AI_API_KEY: 'budget-ai-key',
  AI_BASE_URL: ai.baseUrl,
});
