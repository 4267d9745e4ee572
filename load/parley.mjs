// Artillery processor for Parley's load scenarios (load/*.yml).
//
// A virtual user is a cohort: the people of one conversation (two for a direct conversation, up
// to 50 for a group). `joinCohort` signs each one up (throw-away accounts) and in, opens the
// conversation, fetches a room token from /api/v1/realtime/token and connects that person's
// inbox socket to PartyKit, as the browser does. The scenario's HTTP loop then sends messages
// (`stampMessage` picks the sender and the clientId); every member's socket reports the
// `message.created` frame, and the time from the POST leaving to each frame arriving is the
// `parley.send_to_receive` histogram the thresholds in each scenario judge. A cohort is
// self-contained, so Artillery may spread virtual users over its worker threads freely.
//
// Custom metrics (in Artillery's report and summary):
//   parley.send_to_receive      ms, POST → message.created on a member's socket (every member)
//   parley.sign_up / sign_in    ms per call;  parley.socket_connect  ms to the room's welcome
//   parley.deliveries.expected  frames due (sends × members);  .received;  .missing (never came)
//   parley.sends.failed         message POSTs not answered 201;  parley.setup.failed  cohorts
//                               that could not be set up (the virtual user then fails)
import { randomBytes, randomUUID } from 'node:crypto';

/** Seconds to wait for the last frames after the last send before counting them missing. */
const DRAIN_MS = 10_000;
const SETUP_TIMEOUT_MS = 20_000;

const ms = (from) => Math.round((performance.now() - from) * 1000) / 1000;

/** One JSON call to /api/v1 as `cookie` (or nobody). Throws with the status on a non-2xx. */
async function call(base, method, path, { body, cookie } = {}) {
  const res = await fetch(new URL(`/api/v1${path}`, base), {
    method,
    headers: {
      accept: 'application/json',
      // Cookie-authenticated writes must come from the app's own origin (issue #17, finding 12).
      origin: new URL(base).origin,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(SETUP_TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
  const session = (res.headers.getSetCookie?.() ?? [])
    .map((line) => line.split(';')[0].trim())
    .find((pair) => /^(__Secure-)?next-auth\.session-token=./.test(pair));
  return { body: text ? JSON.parse(text) : null, cookie: session ?? null };
}

/** Signs a throw-away person up, then in (the path a returning person takes). */
async function person(base, scenario, index, events) {
  const email = `load-${scenario}-${randomBytes(6).toString('hex')}-${index}@load.parley.test`;
  const password = randomBytes(18).toString('base64url');
  let started = performance.now();
  const up = await call(base, 'POST', '/auth/signup', {
    body: { email, password, name: `Load ${scenario} ${index}` },
  });
  events.emit('histogram', 'parley.sign_up', ms(started));
  started = performance.now();
  const signIn = await call(base, 'POST', '/auth/signin', { body: { email, password } });
  events.emit('histogram', 'parley.sign_in', ms(started));
  if (!signIn.cookie) throw new Error('sign-in set no session cookie');
  return { id: up.body.user.id, cookie: signIn.cookie };
}

/** The person's inbox socket, resolved at the room's welcome frame. */
async function connectInbox(base, member, onCreated, events) {
  const started = performance.now();
  const { body } = await call(base, 'POST', '/realtime/token', {
    body: { room: 'inbox' },
    cookie: member.cookie,
  });
  const secure = new URL(base).protocol === 'https:';
  const local = /^(localhost|127\.|\[::1\])/.test(body.host);
  const url = `${secure && !local ? 'wss' : 'ws'}://${body.host}/parties/${body.party}/${encodeURIComponent(body.roomId)}?_pk=${randomUUID()}&token=${encodeURIComponent(body.token)}`;
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no welcome frame in 20 s')), SETUP_TIMEOUT_MS);
    ws.addEventListener('message', (event) => {
      const at = performance.now();
      let frame;
      try {
        frame = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (frame.type === 'welcome') {
        clearTimeout(timer);
        events.emit('histogram', 'parley.socket_connect', ms(started));
        resolve();
      } else if (frame.type === 'event' && frame.event?.type === 'message.created')
        onCreated(frame.event.message.clientId, member.id, at);
    });
    ws.addEventListener('error', () => reject(new Error('socket error before the welcome')));
    ws.addEventListener('close', (e) => reject(new Error(`socket closed (${e.code})`)));
  });
  return ws;
}

/**
 * Function step: sets up the cohort from the scenario's variables (`cohort` people, `senders`
 * of them sending, `messages` in all) and stores it on the virtual user's context.
 */
export async function joinCohort(context, events) {
  const base = context.vars.target;
  const size = Number(context.vars.cohort);
  const scenario = String(context.vars.scenario);
  const pending = new Map(); // clientId → { sentAt, waiting: Set<userId> }
  const state = { pending, sockets: [], members: [], sent: 0, received: 0, expected: 0 };
  context.parley = state;
  for (const name of ['expected', 'received', 'missing'])
    events.emit('counter', `parley.deliveries.${name}`, 0);
  events.emit('counter', 'parley.sends.failed', 0);
  events.emit('counter', 'parley.setup.failed', 0);
  const onCreated = (clientId, userId, at) => {
    const entry = pending.get(clientId);
    if (!entry || !entry.waiting.delete(userId)) return;
    state.received++;
    events.emit('counter', 'parley.deliveries.received', 1);
    events.emit('histogram', 'parley.send_to_receive', at - entry.sentAt);
    if (entry.waiting.size === 0) pending.delete(clientId);
  };
  try {
    // Password hashing is deliberately slow: a few people at a time.
    for (let i = 0; i < size; i += 5) {
      const batch = Array.from({ length: Math.min(5, size - i) }, (_, k) =>
        person(base, scenario, i + k, events),
      );
      state.members.push(...(await Promise.all(batch)));
    }
    for (let i = 0; i < size; i += 10) {
      const batch = state.members
        .slice(i, i + 10)
        .map((m) => connectInbox(base, m, onCreated, events));
      state.sockets.push(...(await Promise.all(batch)));
    }
    const [owner, ...others] = state.members;
    const { body } = await call(base, 'POST', '/conversations', {
      cookie: owner.cookie,
      body:
        size === 2
          ? { kind: 'direct', memberIds: [others[0].id] }
          : { kind: 'group', name: `Load ${scenario}`, memberIds: others.map((m) => m.id) },
    });
    context.vars.conversationId = body.conversation.id;
  } catch (error) {
    events.emit('counter', 'parley.setup.failed', 1);
    for (const ws of state.sockets) ws.close();
    throw error;
  }
}

/** beforeRequest hook of the send: the next sender, a fresh clientId, the send time. */
export function stampMessage(req, context, events, next) {
  const state = context.parley;
  const senders = Math.max(1, Math.min(Number(context.vars.senders), state.members.length));
  const sender = state.members[state.sent % senders];
  const clientId = randomUUID();
  state.sent++;
  req.headers = {
    ...req.headers,
    cookie: sender.cookie,
    origin: new URL(context.vars.target).origin,
  };
  req.json = { body: `load ${context.vars.scenario} ${state.sent}`, clientId };
  state.pending.set(clientId, {
    sentAt: performance.now(),
    waiting: new Set(state.members.map((m) => m.id)),
  });
  context.vars.lastClientId = clientId;
  return next();
}

/** afterResponse hook of the send: an accepted send is due at every member; a refused one counts. */
export function checkSend(req, res, context, events, next) {
  const state = context.parley;
  if (res.statusCode === 201) {
    state.expected += state.members.length;
    events.emit('counter', 'parley.deliveries.expected', state.members.length);
  } else {
    // Frames for a refused send are not waited for (and none should come).
    state.pending.delete(req.json?.clientId ?? context.vars.lastClientId);
    events.emit('counter', 'parley.sends.failed', 1);
  }
  return next();
}

/** whileTrue of the send loop: until the cohort has sent `messages`. */
export function moreToSend(context, next) {
  return next(context.parley.sent < Number(context.vars.messages));
}

/** Function step: waits for the last frames, counts the missing ones, closes the sockets. */
export async function awaitDeliveries(context, events) {
  const state = context.parley;
  const deadline = performance.now() + DRAIN_MS;
  while (state.pending.size > 0 && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  let missing = 0;
  for (const entry of state.pending.values()) missing += entry.waiting.size;
  events.emit('counter', 'parley.deliveries.missing', missing);
  for (const ws of state.sockets) ws.close();
  if (missing > 0) throw new Error(`${missing} of ${state.expected} deliveries never arrived`);
}
