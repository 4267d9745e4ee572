import { describe, expect, it } from 'vitest';

import type { User } from '@/lib/db/types';

import { mailboxAccess } from './mailbox-access';

const person: User = {
  id: 'usr_1',
  email: 'ana@example.com',
  name: 'Ana',
  statusText: null,
  avatarKey: null,
  emailVerified: false,
  sessionVersion: 0,
  createdAt: new Date(),
};
const admin = async () => true;
const notAdmin = async () => false;

describe('mailboxAccess', () => {
  it('is closed to everyone when emails go out by SMTP', async () => {
    for (const production of [false, true])
      expect(
        await mailboxAccess({ smtpConfigured: true, production, user: person, isAdmin: admin }),
      ).toEqual({ ok: false, reason: 'smtp' });
  });

  it('is open in development, signed in or not', async () => {
    expect(
      await mailboxAccess({
        smtpConfigured: false,
        production: false,
        user: null,
        isAdmin: notAdmin,
      }),
    ).toEqual({ ok: true });
  });

  it('asks signed-out visitors of a production build to sign in', async () => {
    expect(
      await mailboxAccess({ smtpConfigured: false, production: true, user: null, isAdmin: admin }),
    ).toEqual({ ok: false, reason: 'sign-in' });
  });

  it('is only for admins in a production build', async () => {
    expect(
      await mailboxAccess({
        smtpConfigured: false,
        production: true,
        user: person,
        isAdmin: notAdmin,
      }),
    ).toEqual({ ok: false, reason: 'forbidden' });
    expect(
      await mailboxAccess({
        smtpConfigured: false,
        production: true,
        user: person,
        isAdmin: admin,
      }),
    ).toEqual({ ok: true });
  });
});
