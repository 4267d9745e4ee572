#!/usr/bin/env node
// `npm run smoke -- --url https://parley.example.com`: is a deployment working end to end?
// Health → sign up (or sign in) a throw-away person and a partner → a direct conversation →
// the person's inbox socket (room token → PartyKit) → send a message → receive it over the
// socket → (with --ai) ask Parley AI and receive its reply → clean up (delete the messages,
// sign the sessions out). Exits 0 when every step passed, 1 with the failed step otherwise.
// Deploy workflows run it after each deploy; it also works as an uptime check from a cron.
//
// Options (flag or environment variable):
//   --url <base URL>          SMOKE_URL             the deployment (required)
//   SMOKE_EMAIL/SMOKE_PASSWORD, SMOKE_PARTNER_EMAIL/SMOKE_PARTNER_PASSWORD: fixed accounts to
//                                                   sign in (else throw-away ones are signed up)
//   --ai                      SMOKE_AI=1            also check the assistant replies
//   --timeout <seconds>       SMOKE_TIMEOUT=20      per step
import { randomBytes, randomUUID } from 'node:crypto';
import WebSocket from 'ws';

import { createApi } from './lib/api.mjs';

const ASSISTANT_ID = 'u_parleyai000000000000';
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0 && args[i + 1] && !args[i + 1].startsWith('--')) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const baseUrl = flag('--url') ?? process.env.SMOKE_URL;
const withAi = args.includes('--ai') || process.env.SMOKE_AI === '1';
const timeoutMs = Number(flag('--timeout') ?? process.env.SMOKE_TIMEOUT ?? 20) * 1000;
if (!baseUrl) {
  console.error('usage: npm run smoke -- --url https://your.deployment [--ai]');
  process.exit(2);
}

const results = [];
async function step(name, fn) {
  const started = performance.now();
  try {
    const value = await fn();
    results.push({ name, ok: true, ms: Math.round(performance.now() - started) });
    console.log(`✓ ${name} (${Math.round(performance.now() - started)} ms)`);
    return value;
  } catch (error) {
    console.error(`✗ ${name}: ${error instanceof Error ? error.message : String(error)}`);
    throw new Error(`smoke test failed at: ${name}`, { cause: error });
  }
}
const within = (ms, what, promise) =>
  Promise.race([
    promise,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: nothing within ${ms / 1000} s`)), ms).unref(),
    ),
  ]);

const api = createApi(baseUrl, { waitOnRateLimit: false });
const throwAway = (who) => ({
  email: `smoke-${who}-${randomBytes(6).toString('hex')}@example.com`,
  password: randomBytes(18).toString('base64url'),
  name: `Smoke ${who}`,
});
const fixed = (email, password, who) =>
  email && password ? { email, password, name: `Smoke ${who}` } : null;

/** The person's inbox socket; resolves once `welcome` arrived. `events` collects event frames. */
async function openInbox(person) {
  const { body } = await api.post('/realtime/token', { room: 'inbox' }, { as: person });
  const local = /^(localhost|127\.|\[::1\])/.test(body.host);
  const url =
    `${local ? 'ws' : 'wss'}://${body.host}/parties/${body.party}/${encodeURIComponent(body.roomId)}` +
    `?_pk=${randomUUID()}&token=${encodeURIComponent(body.token)}`;
  const ws = new WebSocket(url);
  const waiters = [];
  ws.on('message', (data) => {
    let frame;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return;
    }
    for (const w of [...waiters]) if (w.match(frame)) w.resolve(frame);
  });
  const waitFor = (match) =>
    new Promise((resolve) => {
      const waiter = {
        match,
        resolve: (f) => (waiters.splice(waiters.indexOf(waiter), 1), resolve(f)),
      };
      waiters.push(waiter);
    });
  const welcome = waitFor((f) => f.type === 'welcome');
  await within(
    timeoutMs,
    'realtime welcome',
    new Promise((resolve, reject) => {
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`socket refused: HTTP ${res.statusCode}`)),
      );
      welcome.then(resolve);
    }),
  );
  ws.on('error', () => {});
  return { ws, waitFor };
}

const cleanup = [];
let failed = null;
try {
  await step('health: /api/health/ready answers 200', async () => {
    const res = await fetch(new URL('/api/health/ready', baseUrl), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
  });
  const person = await step('sign in the smoke person', async () => {
    const who =
      fixed(process.env.SMOKE_EMAIL, process.env.SMOKE_PASSWORD, 'person') ?? throwAway('person');
    return api.signUpOrIn(who);
  });
  cleanup.push(() => api.post('/auth/signout-all', {}, { as: person }));
  const partner = await step('sign in the smoke partner', async () => {
    const who =
      fixed(process.env.SMOKE_PARTNER_EMAIL, process.env.SMOKE_PARTNER_PASSWORD, 'partner') ??
      throwAway('partner');
    return api.signUpOrIn(who);
  });
  cleanup.push(() => api.post('/auth/signout-all', {}, { as: partner }));
  const conversation = await step('open a direct conversation', async () => {
    const { body } = await api.post(
      '/conversations',
      { kind: 'direct', memberIds: [partner.user.id] },
      { as: person },
    );
    return body.conversation;
  });
  const inbox = await step('open the realtime connection (room token → inbox socket)', () =>
    openInbox(person),
  );
  cleanup.push(() => inbox.ws.close());
  const clientId = randomUUID();
  const arrived = inbox.waitFor(
    (f) =>
      f.type === 'event' &&
      f.event?.type === 'message.created' &&
      f.event.message?.clientId === clientId,
  );
  const sent = await step('send a message', async () => {
    const { body } = await api.post(
      `/conversations/${conversation.id}/messages`,
      { body: `smoke test ${new Date().toISOString()}`, clientId },
      { as: person },
    );
    return body.message;
  });
  cleanup.push(() => api.request('DELETE', `/messages/${sent.id}`, { as: person, accept: [404] }));
  await step('receive it over the socket', () => within(timeoutMs, 'message.created', arrived));
  if (withAi) {
    const ai = await step('open a conversation with Parley AI', async () => {
      const { body } = await api.post(
        '/conversations',
        { kind: 'direct', memberIds: [ASSISTANT_ID] },
        { as: person },
      );
      return body.conversation;
    });
    const reply = inbox.waitFor(
      (f) =>
        f.type === 'event' &&
        f.event?.type === 'message.created' &&
        f.event.message?.conversationId === ai.id &&
        f.event.message?.authorId === ASSISTANT_ID,
    );
    const question = await step('ask Parley AI', async () => {
      const { body } = await api.post(
        `/conversations/${ai.id}/messages`,
        { body: 'Smoke test: reply with one word.', clientId: randomUUID() },
        { as: person },
      );
      return body.message;
    });
    cleanup.push(() =>
      api.request('DELETE', `/messages/${question.id}`, { as: person, accept: [404] }),
    );
    await step('receive its reply over the socket', () =>
      within(Math.max(timeoutMs, 60_000), 'assistant reply', reply),
    );
  }
} catch (error) {
  failed = error;
} finally {
  // Clean up in reverse order; a failed clean-up is reported but does not hide the result.
  for (const undo of cleanup.reverse()) {
    try {
      await undo();
    } catch (error) {
      console.error(`! clean-up: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
if (failed) {
  console.error(failed.message);
  process.exit(1);
}
console.log(`smoke test passed: ${results.length} steps against ${baseUrl}`);
process.exit(0);
