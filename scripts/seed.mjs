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

const PASSWORD = 'parley-demo';

if (process.env.NODE_ENV === 'production') {
  console.error('npm run seed fills the store with demo accounts; it refuses NODE_ENV=production.');
  process.exit(1);
}

const urlArg = process.argv.find((a) => a.startsWith('--url='))?.slice('--url='.length);
const baseUrl =
  urlArg || process.env.PARLEY_URL || `http://localhost:${process.env.PORT || '3000'}`;

// ── who ──────────────────────────────────────────────────────────────────────────────────────

const PEOPLE = {
  ana: { name: 'Ana Souza', email: 'ana@demo.parley.dev' },
  ben: { name: 'Ben Okafor', email: 'ben@demo.parley.dev' },
  chloe: { name: 'Chloé Martin', email: 'chloe@demo.parley.dev' },
  dev: { name: 'Dev Patel', email: 'dev@demo.parley.dev' },
  emma: { name: 'Emma Lindqvist', email: 'emma@demo.parley.dev' },
  farid: { name: 'Farid Haddad', email: 'farid@demo.parley.dev' },
};

// ── what they say ────────────────────────────────────────────────────────────────────────────
// Each line: [author, text, extras?]. extras.reply is the index of an earlier line in the same
// conversation; extras.react lists [person, emoji] pairs.

const CONVERSATIONS = [
  {
    key: 'launch',
    kind: 'group',
    name: 'Launch crew',
    owner: 'ana',
    members: ['ben', 'chloe', 'dev'],
    lines: [
      [
        'ana',
        'Morning all ☀️ Launch is **Thursday at 10:00**. Let’s use this thread to keep track.',
      ],
      ['ben', 'Morning! Backend is feature-frozen as of last night.'],
      ['chloe', 'Design QA is about 80% done, the settings pages are what’s left.'],
      ['dev', 'I’ll have the status page and alerts wired up by tomorrow.'],
      [
        'ana',
        'Great. Here’s the checklist I have so far:\n\n- [x] Feature freeze\n- [ ] Design QA\n- [ ] Load test\n- [ ] Release notes\n- [ ] Announcement email',
        {
          react: [
            ['ben', '👍'],
            ['chloe', '👍'],
          ],
        },
      ],
      ['ben', 'Load test is on me. I’ll run it against staging this afternoon.'],
      ['dev', 'Can you share the numbers here when you have them?'],
      ['ben', 'Will do.'],
      ['chloe', 'Quick one: are we keeping the old onboarding behind a flag for a week?'],
      ['ana', 'Yes, `onboarding_v2` stays at 50% until Monday, then 100% if nothing burns.'],
      ['chloe', 'Perfect, I’ll write the copy for both then.'],
      [
        'ben',
        'Load test results (staging, 2 vCPU):\n\n| rate | p50 | p99 |\n| --- | --- | --- |\n| 50 msg/s | 9 ms | 31 ms |\n| 100 msg/s | 14 ms | 48 ms |',
      ],
      ['dev', 'Those look healthy. Anything odd in the logs?', { reply: 11 }],
      ['ben', 'A handful of slow publishes at the very start, all cold rooms. Nothing after that.'],
      [
        'ana',
        'Nice work @Ben Okafor 🙌',
        {
          react: [
            ['ben', '🎉'],
            ['dev', '🎉'],
          ],
        },
      ],
      [
        'dev',
        'Alert thresholds I’m proposing: error rate > 1% for 5 min, p99 > 250 ms for 10 min.',
      ],
      ['chloe', 'Who gets paged on Thursday?'],
      ['dev', 'Me until 14:00, then Ben.'],
      ['ben', '👍'],
      ['ana', 'Release notes draft is in the shared doc, please add anything I missed.'],
      ['chloe', 'Added the new emoji reactions and the dark mode fixes.'],
      [
        'dev',
        'Reminder for the deploy:\n\n```sh\nnpm run check\nnpm run build\n```\n\nthen promote the preview.',
      ],
      ['ana', 'Design QA status @Chloé Martin?'],
      [
        'chloe',
        'Done! Two tiny spacing fixes are merged, everything else looked right.',
        { react: [['ana', '❤️']] },
      ],
      ['ana', 'That’s everything on the list except the email. I’ll send it Thursday at 10:05.'],
      ['ben', 'Should we do a quick dry run of the rollback tomorrow?'],
      ['dev', 'Good idea. 15 minutes at 16:00?'],
      ['ana', 'Booked.'],
      ['chloe', 'See you there.'],
      [
        'ana',
        'Thanks everyone, this was a smooth one so far 🚀',
        {
          react: [
            ['dev', '🚀'],
            ['chloe', '🚀'],
            ['ben', '🚀'],
          ],
        },
      ],
    ],
  },
  {
    key: 'books',
    kind: 'group',
    name: 'Book club',
    owner: 'emma',
    members: ['farid', 'ana', 'chloe', 'ben'],
    lines: [
      ['emma', 'Hello readers 📚 Next meeting is the 28th. We’re on *Piranesi* this month.'],
      ['farid', 'Finally! I’ve been wanting to read it for ages.'],
      ['ana', 'I’m about a third of the way in. The house is so strange.'],
      ['chloe', 'No spoilers please, I haven’t started 😅'],
      ['emma', 'Ground rule: spoilers go in a reply with a warning at the top.'],
      ['ben', 'Fair. I finished it on the train yesterday and I have *thoughts*.'],
      ['farid', 'Same place as last time? The café on Rue Oberkampf?'],
      ['emma', 'Yes, 19:00. They’re keeping the back table for us.'],
      [
        'ana',
        'I’ll bring the biscuits again.',
        {
          react: [
            ['emma', '🍪'],
            ['farid', '🍪'],
          ],
        },
      ],
      ['chloe', 'What are we reading after this one?'],
      [
        'emma',
        'Shortlist for next month, vote with a reaction:\n\n1. *The Left Hand of Darkness*\n2. *Klara and the Sun*\n3. *The Remains of the Day*',
      ],
      ['farid', '1, no question.', { reply: 10 }],
      ['ben', 'I’d go for 2. Ishiguro twice in a year would be fine by me.'],
      ['ana', '1 for me too.'],
      ['chloe', 'I read 3 last summer, so 1 or 2.'],
      [
        'emma',
        'Looks like *The Left Hand of Darkness* then 🎉',
        {
          react: [
            ['farid', '🎉'],
            ['ana', '🎉'],
          ],
        },
      ],
      ['ben', '**Spoiler warning** — the journals! That reveal got me.', { reply: 2 }],
      ['ana', 'Ben!! I said a third 😂'],
      ['ben', 'Sorry sorry, it was under a warning 🙈'],
      ['farid', 'Does anyone have a spare copy? Mine is still in the post.'],
      ['chloe', 'I have the e-book, but I can lend you my paperback after.'],
      ['farid', 'That would be great, thank you.'],
      ['emma', 'Discussion questions are in the doc. Add yours before the 26th.'],
      ['ana', 'Added two about memory and the statues.'],
      ['chloe', 'Started it last night. The first chapter is beautiful.'],
      ['farid', 'Wait until you meet the Other.'],
      ['emma', 'See you all on the 28th!'],
      ['ben', '👋'],
      ['ana', 'Can’t wait.'],
      ['chloe', 'Reading on the train all week, I’ll catch up.'],
    ],
  },
  {
    key: 'ana-ben',
    kind: 'direct',
    owner: 'ana',
    members: ['ben'],
    lines: [
      ['ana', 'Hey, got a minute for the search bug?'],
      ['ben', 'Sure, which one?'],
      ['ana', 'Searching for “Chloé” with the accent finds nothing.'],
      ['ben', 'Ah. We lower-case but never normalise. Let me look.'],
      ['ben', 'Yep: `name_lower` stores NFC, the query comes in NFD from some keyboards.'],
      ['ana', 'Oh, fun. So normalise both sides?'],
      ['ben', 'Both sides, and a migration to rewrite the column. Small PR.'],
      ['ana', 'Can it make Thursday?'],
      ['ben', 'It’ll be in review in an hour.'],
      ['ana', 'You’re a star ⭐', { react: [['ben', '😊']] }],
      ['ben', 'PR is up. Tests cover NFC, NFD and the Turkish dotted İ for good measure.'],
      ['ana', 'Reviewing now.'],
      ['ana', 'One comment: could the migration run in batches? The prod table is big.'],
      ['ben', 'Good call, 1,000 rows per batch.'],
      ['ana', 'Approved ✅'],
      ['ben', 'Merged.'],
      ['ana', 'Unrelated: are you coming to the book club on the 28th?'],
      ['ben', 'Wouldn’t miss it. Even if Ana gets mad at me for spoilers.'],
      ['ana', 'Only a little mad.'],
      ['ben', 'Lunch tomorrow? The ramen place has a new vegetarian broth.'],
      ['ana', 'Yes! 12:30?'],
      ['ben', '12:30 👍'],
      ['ana', 'Also, can you send me the load test script? I want to try it locally.'],
      ['ben', 'It’s `npm run bench:messages`, it starts its own server.'],
      ['ana', 'Oh nice, no setup at all?'],
      ['ben', 'None. It builds, runs, and writes the numbers to `bench-results/`.'],
      ['ana', 'Running it now.'],
      ['ana', 'p99 under 50 ms on my laptop 🎉', { react: [['ben', '🎉']] }],
      ['ben', 'Told you.'],
      ['ana', 'See you at lunch!'],
    ],
  },
  {
    key: 'ana-chloe',
    kind: 'direct',
    owner: 'chloe',
    members: ['ana'],
    lines: [
      ['chloe', 'Hi Ana! Do you have 10 minutes to look at the new empty states?'],
      ['ana', 'Of course, send them over.'],
      [
        'chloe',
        'Figma link is in the design channel. Three versions: playful, plain, and illustrated.',
      ],
      ['ana', 'I like the illustrated one, but the text is a bit long.'],
      ['chloe', 'Agreed. Try this: “No messages yet. Say hi 👋”'],
      ['ana', 'Much better.', { react: [['chloe', '🙏']] }],
      ['chloe', 'And for search with no results: “Nobody by that name. Check the spelling?”'],
      ['ana', 'Love it.'],
      ['chloe', 'One more thing: dark mode contrast on the unread badge is 3.9:1.'],
      ['ana', 'What do we need?'],
      ['chloe', '4.5:1 for small text. I’ll darken the badge background a notch.'],
      ['ana', 'Sounds good, go ahead.'],
      ['chloe', 'Done, it’s 5.2:1 now.'],
      ['ana', '👌'],
      ['chloe', 'Are we still doing the team photo on Friday?'],
      ['ana', 'Yes, 15:00 on the roof if it doesn’t rain.'],
      ['chloe', 'I’ll bring the good camera.'],
      ['ana', 'Perfect.'],
      ['chloe', 'Also, *Piranesi*: is it good? I’m slightly behind.'],
      ['ana', 'It’s wonderful. Don’t read Ben’s messages in the book club 😄'],
      ['chloe', 'Noted 😂'],
      ['chloe', 'The settings page is ready for review, by the way.'],
      ['ana', 'Looking now.'],
      ['ana', 'The avatar upload is lovely. Can the crop circle be a little bigger on phones?'],
      ['chloe', 'Yes, I’ll make it fill the width minus the margins.'],
      ['ana', 'Great. Otherwise ship it.'],
      ['chloe', 'Shipping 🚢'],
      ['ana', 'Thank you Chloé!'],
    ],
  },
  {
    key: 'dev-emma',
    kind: 'direct',
    owner: 'dev',
    members: ['emma'],
    lines: [
      ['dev', 'Hey Emma, are you around on Thursday morning?'],
      ['emma', 'From 9, why?'],
      ['dev', 'Launch day. Could you watch the support inbox for the first couple of hours?'],
      ['emma', 'Sure. Anything I should look out for?'],
      ['dev', 'Mostly people who can’t find the new settings page. There’s a FAQ draft here.'],
      ['emma', 'Got it. And if something looks like a real bug?'],
      ['dev', 'Post it in Launch crew with the user id and a screenshot, I’ll pick it up.'],
      ['emma', 'Easy 👍'],
      ['dev', 'Thanks! I owe you a coffee.'],
      ['emma', 'You owe me three coffees at this point.', { react: [['dev', '😂']] }],
      ['dev', 'Fair. Friday?'],
      ['emma', 'Friday works.'],
      ['emma', 'Also: are you joining the book club at some point?'],
      ['dev', 'Maybe next month. What are you reading?'],
      ['emma', '*The Left Hand of Darkness* next.'],
      ['dev', 'Oh, I read that at uni. Might join just for that one.'],
      ['emma', 'Yes! I’ll add you to the group.'],
      ['dev', 'Cool, thanks.'],
      ['emma', 'How do I report the Thursday numbers, by the way? Spreadsheet?'],
      ['dev', 'Just a message is fine: how many tickets, and the top three questions.'],
      ['emma', 'Perfect.'],
      ['dev', 'If the status page turns red, don’t panic, ping me.'],
      ['emma', 'I never panic. I escalate calmly.'],
      ['dev', 'That’s the spirit.'],
      ['emma', 'See you Thursday ☕'],
    ],
  },
];

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
