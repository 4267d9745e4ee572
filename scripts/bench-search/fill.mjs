// Fills the benchmark's store: people, conversations (the person in the first `personIn`) and
// messages, written straight into the tables in one transaction.
import { messageText, pick } from './text.mjs';

/** Writes the rows; the caller sets the search triggers aside first and indexes afterwards. */
export function fillMessages(
  db,
  { messages: MESSAGES, conversations: CONVERSATIONS, personIn: PERSON_IN },
) {
  const people = Array.from(
    { length: CONVERSATIONS },
    (_, i) => `u_bench${String(i).padStart(6, '0')}`,
  );
  const person = people[0];
  const conversations = Array.from(
    { length: CONVERSATIONS },
    (_, i) => `c_bench${String(i).padStart(6, '0')}`,
  );
  const membersOf = new Map();
  const fill = db.transaction(() => {
    const now = Date.now();
    const user = db.prepare(
      'INSERT INTO users (id, email, name, name_lower, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const [i, id] of people.entries())
      user.run(id, `${id}@bench.test`, `Person ${i}`, `person ${i}`, now);
    const conversation = db.prepare(
      `INSERT INTO conversations (id, kind, name, created_by, last_seq, last_activity_at, created_at)
       VALUES (?, 'group', ?, ?, ?, ?, ?)`,
    );
    const membership = db.prepare(
      `INSERT INTO memberships (conversation_id, user_id, role, last_read_seq, muted, joined_at)
       VALUES (?, ?, 'member', 0, 0, ?)`,
    );
    const perConversation = Math.ceil(MESSAGES / CONVERSATIONS);
    for (const [i, id] of conversations.entries()) {
      // The person is in the first 50; everyone else in a handful.
      const members = new Set([
        people[(i * 7) % people.length],
        people[(i * 13 + 1) % people.length],
      ]);
      for (let k = 0; k < 4; k++) members.add(pick(people));
      if (i < PERSON_IN) members.add(person);
      else members.delete(person);
      membersOf.set(id, [...members]);
      conversation.run(id, `Group ${i}`, [...members][0], perConversation, now, now);
      for (const m of members) membership.run(id, m, now);
    }
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, seq, author_id, kind, body, created_at)
       VALUES (?, ?, ?, ?, 'user', ?, ?)`,
    );
    const seqs = new Map();
    const start = now - MESSAGES * 1000;
    for (let n = 0; n < MESSAGES; n++) {
      const c = conversations[n % CONVERSATIONS];
      const seq = (seqs.get(c) ?? 0) + 1;
      seqs.set(c, seq);
      message.run(`m_bench${n}`, c, seq, pick(membersOf.get(c)), messageText(), start + n * 1000);
    }
  });
  fill();
  return { person, conversations, membersOf };
}
