import { describe, expect, it } from 'vitest';

import { CALL_CLOSE_CODES } from '@/lib/realtime/protocol';
import { TEST_PARTY_SECRET, connectRoom } from '@/test/partykit';
import {
  closeAll,
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

const offer = { description: { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' } };
const candidate = {
  candidate: {
    candidate: 'candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host',
    sdpMid: '0',
    sdpMLineIndex: 0,
  },
};

describe('call room: signalling', () => {
  it('relays a signal to the named peer only, with `from` set by the room', async () => {
    const callId = newCall();
    const [ana, ben, cy] = await joinAll(callId, ['u_ana', 'u_ben', 'u_cy']);
    sendFrame(ana!, { type: 'signal', to: 'u_ben', data: offer });
    expect(await ben!.waitFor(is('signal'))).toEqual({
      type: 'signal',
      from: 'u_ana',
      data: offer,
    });
    sendFrame(ben!, { type: 'signal', to: 'u_ana', data: candidate });
    expect(await ana!.waitFor(is('signal'))).toEqual({
      type: 'signal',
      from: 'u_ben',
      data: candidate,
    });
    expect(await cy!.drain()).toEqual([]);
    expect(await ana!.drain()).toEqual([]);
    await closeAll([ana!, ben!, cy!]);
  });

  it('cannot be made to lie about the sender: a client-written `from` is ignored', async () => {
    const callId = newCall();
    const [ana, ben] = await joinAll(callId, ['u_ana', 'u_ben']);
    sendFrame(ana!, { type: 'signal', to: 'u_ben', from: 'u_cy', data: offer });
    expect(await ben!.waitFor(is('signal'))).toMatchObject({ from: 'u_ana' });
    await closeAll([ana!, ben!]);
  });

  it('says so when the named peer is not in the call, or is the sender', async () => {
    const callId = newCall();
    const [ana] = await joinAll(callId, ['u_ana']);
    sendFrame(ana!, { type: 'signal', to: 'u_nobody', data: offer });
    expect(await ana!.next()).toMatchObject({ type: 'error', code: 'peer_unavailable' });
    sendFrame(ana!, { type: 'signal', to: 'u_ana', data: offer });
    expect(await ana!.next()).toMatchObject({ type: 'error', code: 'bad_frame' });
    await ana!.close();
  });

  it('answers bad frames with bad_frame and keeps serving', async () => {
    const callId = newCall();
    const [ana, ben] = await joinAll(callId, ['u_ana', 'u_ben']);
    const bad = [
      'not json',
      JSON.stringify({ type: 'typing', state: 'start' }),
      JSON.stringify({ type: 'signal', to: 'u_ben' }),
      JSON.stringify({ type: 'signal', to: 'u_ben', data: { description: { type: 'hello' } } }),
      JSON.stringify({ type: 'signal', to: 'u_ben', data: { ...offer, ...candidate } }),
      JSON.stringify({ type: 'signal', to: '../u_ben', data: offer }),
      JSON.stringify({
        type: 'signal',
        to: 'u_ben',
        data: { description: { type: 'offer', sdp: 'x'.repeat(200_001) } },
      }),
      JSON.stringify({ type: 'media', muted: 'yes' }),
    ];
    for (const frame of bad) {
      ana!.ws.send(frame);
      expect(await ana!.next()).toMatchObject({ type: 'error', code: 'bad_frame' });
    }
    expect(await ben!.drain()).toEqual([]);
    sendFrame(ana!, { type: 'ping', at: 7 });
    expect(await ana!.next()).toEqual({ type: 'pong', at: 7 });
    sendFrame(ana!, { type: 'signal', to: 'u_ben', data: offer });
    expect(await ben!.waitFor(is('signal'))).toMatchObject({ from: 'u_ana' });
    await closeAll([ana!, ben!]);
  });

  it('rate-limits a flood of signals per connection, saying so without echoing each drop', async () => {
    const callId = newCall();
    const [ana, ben] = await joinAll(callId, ['u_ana', 'u_ben']);
    for (let i = 0; i < 400; i++) sendFrame(ana!, { type: 'signal', to: 'u_ben', data: candidate });
    expect(await ana!.waitFor(is('error'))).toMatchObject({ code: 'rate_limited' });
    const relayed = (await ben!.drain(800)).filter(is('signal'));
    expect(relayed.length).toBeGreaterThanOrEqual(200);
    expect(relayed.length).toBeLessThan(400);
    // At most one notice a second, however many frames were dropped.
    expect((await ana!.drain()).filter(is('error')).length).toBeLessThanOrEqual(3);
    await closeAll([ana!, ben!]);
  });
});

describe('call room: an ended call (#17 finding 10)', () => {
  const ended = (callId: string) => ({
    type: 'call.ended' as const,
    conversationId: 'c_calls',
    callId,
    outcome: 'completed' as const,
    durationMs: 1000,
  });

  it('hears the end through the conversation room, closes its sockets and refuses a live token', async () => {
    const callId = newCall();
    const [ana] = await joinAll(callId, ['u_end_ana']);
    // Minted while the call was live, used after it ended.
    const stale = await token('u_end_ben', callId);
    const res = await fetch(`http://${party.host}/parties/conversation/c_calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_PARTY_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [ended(callId)], recipients: ['u_end_ana'] }),
    });
    expect(res.status).toBe(200);
    expect(await ana!.waitFor(is('error'))).toMatchObject({ code: 'call_ended' });
    const late = await connectRoom(wsUrl('call', callId, stale));
    expect(await late.next()).toMatchObject({ type: 'error', code: 'call_ended' });
    // workerd finishes a close it started only after ~10 s: wait for both at once.
    const endedClose = { code: CALL_CLOSE_CODES.ended, reason: 'call_ended' };
    expect(await Promise.all([ana!.closed, late.closed])).toEqual([endedClose, endedClose]);
    const presence = await fetch(`http://${party.host}/parties/call/${callId}`, {
      headers: { authorization: `Bearer ${TEST_PARTY_SECRET}` },
    });
    expect(await presence.json()).toMatchObject({ participants: [] });
  }, 30_000);

  it('takes the end only with the server secret, and only for its own call', async () => {
    const callId = newCall();
    const post = (secret: string, body: unknown) =>
      fetch(`http://${party.host}/parties/call/${callId}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('guess', { events: [ended(callId)] })).status).toBe(401);
    expect(await (await post(TEST_PARTY_SECRET, { events: [ended('call_other')] })).json()).toEqual(
      { ended: false },
    );
    const { socket } = await join('u_end_cy', callId);
    await socket.close();
  });
});
