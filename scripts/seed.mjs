#!/usr/bin/env node
// `npm run seed`: fills a running development server with demo people and conversations, through
// the REST API (so passwords are hashed, sequence numbers assigned and events published exactly
// as in real use). Start the app first with `npm run dev`; the seed talks to
// http://localhost:$PORT (3000 by default), or to PARLEY_URL / --url=<url>.
//
// Running it again adds nothing twice: existing accounts are signed in, direct conversations are
// reopened, groups are found by name, and every message has a fixed clientId, so the ones already
// stored are skipped. Development only: it refuses to run with NODE_ENV=production.
import { ApiError, createApi } from './lib/api.mjs';
import { CONVERSATIONS, PEOPLE } from './lib/seed-content.mjs';

const PASSWORD = 'parley-demo';

if (process.env.NODE_ENV === 'production') {
  console.error('npm run seed fills the store with demo accounts; it refuses NODE_ENV=production.');
  process.exit(1);
}

const urlArg = process.argv.find((a) => a.startsWith('--url='))?.slice('--url='.length);
const baseUrl =
  urlArg || process.env.PARLEY_URL || `http://localhost:${process.env.PORT || '3000'}`;

// ── seeding ──────────────────────────────────────────────────────────────────────────────────

const api = createApi(baseUrl, {
  onRateLimited: (seconds, path) =>
    console.log(`  (rate limited on ${path}; waiting ${seconds} s, as a real client would)`),
});

async function checkServer() {
  // `next dev` compiles a route on its first request, which can take a while: say so.
  const slow = setTimeout(
    () => console.log(`Waiting for ${baseUrl} (compiling on first request)…`),
    3000,
  );
  try {
    const res = await fetch(new URL('/api/health', baseUrl), {
      signal: AbortSignal.timeout(180_000),
    });
    if (res.status === 404)
      throw new Error(`${baseUrl} answered 404 for /api/health: is this Parley?`);
  } catch (err) {
    const why = err instanceof Error ? (err.cause?.code ?? err.message) : String(err);
    console.error(
      `Cannot reach Parley at ${baseUrl} (${why}).\n` +
        'Start it first with `npm run dev` (in another terminal), or point the seed elsewhere with PARLEY_URL=… or --url=….',
    );
    process.exit(1);
  } finally {
    clearTimeout(slow);
  }
}

async function seedPeople() {
  const people = {};
  for (const [key, p] of Object.entries(PEOPLE)) {
    try {
      const { user, cookie, created } = await api.signUpOrIn({ ...p, password: PASSWORD });
      people[key] = { ...p, id: user.id, cookie };
      console.log(`  ${created ? 'created' : 'exists '}  ${p.name} <${p.email}>`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        throw new Error(
          `${p.email} exists with a different password; delete it or reset the data directory (.data/).`,
        );
      }
      throw err;
    }
  }
  return people;
}

async function openConversation(spec, people) {
  const owner = people[spec.owner];
  const memberIds = spec.members.map((k) => people[k].id);
  if (spec.kind === 'group') {
    // Find the group by name among the owner's conversations, so a second run reuses it.
    const { body } = await api.get('/conversations', { as: owner });
    const existing = body.conversations.find((c) => c.kind === 'group' && c.name === spec.name);
    if (existing) return { id: existing.id, created: false };
  }
  const { status, body } = await api.post(
    '/conversations',
    spec.kind === 'group'
      ? { kind: 'group', name: spec.name, memberIds }
      : { kind: 'direct', memberIds },
    { as: owner },
  );
  return { id: body.conversation.id, created: status === 201 };
}

/** The messages already in a conversation, by clientId (to skip them on a second run). */
async function storedMessages(conversationId, as) {
  const byClientId = new Map();
  let before;
  for (;;) {
    const query = `limit=100${before !== undefined ? `&before=${before}` : ''}`;
    const { body } = await api.get(`/conversations/${conversationId}/messages?${query}`, { as });
    for (const m of body.messages) if (m.clientId) byClientId.set(m.clientId, m);
    if (!body.hasMore || body.messages.length === 0) return byClientId;
    before = body.messages[0].seq;
  }
}

async function seedConversation(spec, people) {
  const { id, created } = await openConversation(spec, people);
  const stored = await storedMessages(id, people[spec.owner]);
  const ids = [];
  let sent = 0;
  let reacted = 0;
  for (const [index, [author, text, extras = {}]] of spec.lines.entries()) {
    const clientId = `seed-${spec.key}-${String(index).padStart(3, '0')}`;
    let message = stored.get(clientId);
    if (!message) {
      const body = { body: text, clientId };
      if (extras.reply !== undefined) body.replyToId = ids[extras.reply];
      ({ message } = (
        await api.post(`/conversations/${id}/messages`, body, { as: people[author] })
      ).body);
      sent++;
    }
    ids.push(message.id);
    for (const [who, emoji] of extras.react ?? []) {
      const already = message.reactions?.some(
        (r) => r.emoji === emoji && r.userIds.includes(people[who].id),
      );
      if (already) continue;
      await api.put(`/messages/${message.id}/reactions/${encodeURIComponent(emoji)}`, undefined, {
        as: people[who],
      });
      reacted++;
    }
  }
  const title =
    spec.kind === 'group'
      ? spec.name
      : `${people[spec.owner].name} ↔ ${people[spec.members[0]].name}`;
  console.log(
    `  ${created ? 'created' : 'exists '}  ${title}: ${sent} new message${sent === 1 ? '' : 's'}` +
      `${reacted ? `, ${reacted} reaction${reacted === 1 ? '' : 's'}` : ''} (${spec.lines.length} in the script)`,
  );
}

async function main() {
  await checkServer();
  console.log(`Seeding ${baseUrl}`);
  console.log('People');
  const people = await seedPeople();
  console.log('Conversations');
  for (const spec of CONVERSATIONS) await seedConversation(spec, people);

  const width = Math.max(...Object.values(PEOPLE).map((p) => p.email.length));
  console.log(`\nDemo logins (password for all: ${PASSWORD}) — sign in at ${baseUrl}/sign-in`);
  for (const p of Object.values(PEOPLE)) console.log(`  ${p.email.padEnd(width)}  ${p.name}`);
}

main().catch((err) => {
  console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
