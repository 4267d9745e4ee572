import { describe, expect, it } from 'vitest';

import { CALL_CLOSE_CODES, MAX_CALL_PARTICIPANTS } from '@/lib/realtime/protocol';
import { mintRoomToken } from '@/lib/realtime/room-token';
import { TEST_PARTY_SECRET, connectRoom } from '@/test/partykit';
import {
  closeAll,
  closed,
  is,
  join,
  joinAll,
  newCall,
  party,
  sendFrame,
  startCallParty,
  token,
  wsUrl,
} from '@/test/call-room';

startCallParty();

describe('call room: who gets in', () => {
  it('refuses a connection without a token, with another call’s token or a forged one', async () => {
    const callId = newCall();
    await expect(connectRoom(wsUrl('call', callId))).rejects.toThrow('refused 401');
    await expect(
      connectRoom(wsUrl('call', callId, await token('u_ana', newCall()))),
    ).rejects.toThrow('refused 401');
    const forged = await mintRoomToken({
      userId: 'u_ana',
      party: 'call',
      roomId: callId,
      key: 'not-the-room-token-key-'.padEnd(40, 'z'),
    });
    await expect(connectRoom(wsUrl('call', callId, forged.token))).rejects.toThrow('refused 401');
  });

  it('refuses a conversation token for a room of the same id (tokens are per party)', async () => {
    const callId = newCall();
    await expect(
      connectRoom(wsUrl('call', callId, await token('u_ana', callId, 'conversation'))),
    ).rejects.toThrow('refused 401');
  });

  it('tells a newcomer who is in the call, and the others that they joined', async () => {
    const callId = newCall();
    const ana = await join('u_ana', callId);
    expect(ana.state.participants).toEqual([]);
    const ben = await join('u_ben', callId);
    expect(ben.state.participants).toEqual([
      {
        userId: 'u_ana',
        media: { muted: false, cameraOff: false, screenSharing: false, speaking: false },
      },
    ]);
    expect(await ana.socket.waitFor(is('call.joined'))).toMatchObject({ userId: 'u_ben' });
    await closeAll([ana.socket, ben.socket]);
  });

  it(`refuses a fifth person with call_full, clearly, and closes the socket`, async () => {
    const callId = newCall();
    const people = ['u_a', 'u_b', 'u_c', 'u_d'];
    expect(people).toHaveLength(MAX_CALL_PARTICIPANTS);
    const sockets = await joinAll(callId, people);
    const fifth = await connectRoom(wsUrl('call', callId, await token('u_e', callId)));
    const code = closed(fifth);
    expect(await fifth.next()).toEqual({
      type: 'error',
      code: 'call_full',
      message: 'Calls hold up to 4 people, and this one is full.',
    });
    expect(await code).toBe(CALL_CLOSE_CODES.full);
    for (const socket of sockets) expect(await socket.drain()).toEqual([]);
    await closeAll(sockets);
  });

  it('lets someone already in rejoin from another tab, replacing the old connection', async () => {
    const callId = newCall();
    const [ana, ben, cy, dee] = await joinAll(callId, ['u_ana', 'u_ben', 'u_cy', 'u_dee']);
    const oldClosed = closed(ana!);
    const again = await join('u_ana', callId);
    expect(again.state.participants.map((p) => p.userId).sort()).toEqual([
      'u_ben',
      'u_cy',
      'u_dee',
    ]);
    expect(await ana!.waitFor(is('error'))).toMatchObject({ code: 'replaced' });
    expect(await oldClosed).toBe(CALL_CLOSE_CODES.replaced);
    // The others renegotiate with the new connection; nobody hears that Ana left.
    expect(await ben!.waitFor(is('call.joined'))).toMatchObject({ userId: 'u_ana' });
    expect((await ben!.drain()).filter(is('call.left'))).toEqual([]);
    await closeAll([again.socket, ben!, cy!, dee!]);
  });

  it('tells the others when someone leaves, and reports who is in over HTTP', async () => {
    const callId = newCall();
    const [ana, ben] = await joinAll(callId, ['u_ana', 'u_ben']);
    const url = `http://${party.host}/parties/call/${callId}`;
    expect((await fetch(url)).status).toBe(401);
    const auth = { headers: { authorization: `Bearer ${TEST_PARTY_SECRET}` } };
    const during = await fetch(url, auth);
    expect(await during.json()).toMatchObject({ lastLeftAt: null });
    await ben!.close();
    expect(await ana!.waitFor(is('call.left'))).toEqual({ type: 'call.left', userId: 'u_ben' });
    const after = (await (await fetch(url, auth)).json()) as Record<string, unknown>;
    expect(after).toEqual({ participants: ['u_ana'], lastLeftAt: expect.any(Number) });
    await ana!.close();
  });
});

describe('call room: media state', () => {
  it('broadcasts a change of media state to the others, and nothing when unchanged', async () => {
    const callId = newCall();
    const [ana, ben, cy] = await joinAll(callId, ['u_ana', 'u_ben', 'u_cy']);
    sendFrame(ana!, { type: 'media', muted: true, cameraOff: true });
    const media = { muted: true, cameraOff: true, screenSharing: false, speaking: false };
    for (const other of [ben!, cy!])
      expect(await other.waitFor(is('call.media'))).toEqual({
        type: 'call.media',
        userId: 'u_ana',
        media,
      });
    sendFrame(ana!, { type: 'media', muted: true });
    expect(await ben!.drain()).toEqual([]);
    expect(await ana!.drain()).toEqual([]);
    // A newcomer sees the current state.
    const dee = await join('u_dee', callId);
    expect(dee.state.participants.find((p) => p.userId === 'u_ana')?.media).toEqual(media);
    await closeAll([ana!, ben!, cy!, dee.socket]);
  });
});
