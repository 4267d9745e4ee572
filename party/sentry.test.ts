import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { errorEvents, startFakeSentry } from '@/test/fake-sentry';
import { startPartykit, TEST_PARTY_SECRET } from '@/test/partykit';

import { reportRoomError } from './sentry';
import { TEST_ERROR_PATH } from './server';

/** A real `partykit dev` (workerd) with SENTRY_DSN pointing at a local fake ingest. */
let ingest: Awaited<ReturnType<typeof startFakeSentry>>;
let party: Awaited<ReturnType<typeof startPartykit>>;

beforeAll(async () => {
  ingest = await startFakeSentry();
  party = await startPartykit({
    SENTRY_DSN: ingest.dsn,
    SENTRY_RELEASE: 'parley@room-release',
    SENTRY_ENVIRONMENT: 'test',
  });
}, 60_000);
afterAll(async () => {
  await party?.stop();
  await ingest?.close();
});

const TRACE_ID = '5bf92f3577b34da6a3ce929d0e0e4736';

describe('room errors reach Sentry (toucan-js under workerd)', () => {
  it('a failing room request arrives with the release, party, room and trace id, scrubbed', async () => {
    const res = await fetch(`http://${party.host}/parties/main/u_sentry${TEST_ERROR_PATH}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_PARTY_SECRET}`,
        traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
        cookie: 'next-auth.session-token=eyJhbGciOiJIUzI1NiJ9.eyJzIjoxfQ.sig',
      },
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'The room failed.' } });

    const envelope = await ingest.waitFor((e) => errorEvents(e).length > 0, 10_000);
    const [event] = errorEvents(envelope);
    expect(event).toMatchObject({
      release: 'parley@room-release',
      environment: 'test',
      tags: {
        runtime: 'partykit',
        party: 'main',
        room: 'u_sentry',
        handler: 'onRequest',
        trace_id: TRACE_ID,
      },
      exception: {
        values: [expect.objectContaining({ value: expect.stringContaining('Parley test error') })],
      },
    });
    const text = JSON.stringify(envelope);
    expect(text).not.toContain(TEST_PARTY_SECRET);
    expect(text).not.toContain('eyJhbGci');
  });

  it('does not fail on purpose without the server secret', async () => {
    const res = await fetch(`http://${party.host}/parties/main/u_sentry${TEST_ERROR_PATH}`, {
      method: 'POST',
    });
    expect(res.status).toBe(401);
  });

  it('sends nothing without a DSN (an empty PartyKit variable counts as none)', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      await reportRoomError({}, new Error('x'), { party: 'main', handler: 'onRequest' });
      await reportRoomError({ SENTRY_DSN: '' }, new Error('x'), {
        party: 'main',
        handler: 'onRequest',
      });
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });
});
