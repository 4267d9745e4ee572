import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { decodeSession, readCookie, sessionCookieName } from '@/lib/auth/server/session';
import { openDatabase } from '@/lib/db/sqlite/connection';
import { createSqliteStore } from '@/lib/db/sqlite';

import { seedPeople } from './people.mjs';

/**
 * The connections scenario seeds thousands of people straight into the store: the rows must be
 * ones the app reads (today's migrations), and the cookies ones it accepts (NextAuth's format,
 * with a `sid` whose session record exists), or every socket of the scenario would be refused.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-seed-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('seedPeople', () => {
  it('writes people and sessions the store reads, with cookies the app decodes', async () => {
    const file = path.join(dataDir, 'parley.db');
    openDatabase(file).close(); // migrated, as the server leaves it
    writeFileSync(
      path.join(dataDir, 'secrets.json'),
      JSON.stringify({ NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET }),
    );
    const people = await seedPeople({ dataDir }, 3, 'unit');
    expect(people).toHaveLength(3);

    const store = createSqliteStore(file);
    try {
      for (const person of people) {
        const user = await store.getUserById({ id: person.id });
        expect(user?.email).toBe(person.email);
        expect((await store.getSession({ id: person.sid }))?.userId).toBe(person.id);
        const claims = await decodeSession(readCookie(person.cookie, sessionCookieName()));
        expect(claims).toEqual({ sub: person.id, sv: 0, sid: person.sid });
      }
    } finally {
      store.db.close();
    }
  });
});
