import { z } from 'zod';

import { publishRequestSchema, roomIdSchema } from '../realtime/protocol';

import { fanOut } from './fan-out';
import type { RoomHost, RoomRequest, RoomResponse } from './host';
import { fail, ok, readBody } from './http';

/**
 * Fan-out that skips inboxes nobody else needs (#19). Every forward from a conversation room to
 * an inbox room is a PartyKit request (a Durable Object request; the free tier has 100,000 a
 * day), and in a team's day more than half went to people whose every tab was looking at that
 * very conversation (they can hear it on the conversation socket) or who had no tab at all.
 *
 * A tab's sockets share one id (the client's `_pk`, lib/realtime/client/tab-id.ts), so rooms can
 * tell tabs apart. The rule:
 * 1. A conversation room forwards with `from` (itself) and `tabs` (the ids of the recipient's
 *    connections in it). An inbox room whose every connection is among `tabs` (none at all
 *    included) remembers that room with the time (storage: it survives hibernation) and answers
 *    `away: epoch`.
 * 2. The conversation room then skips that person's inbox and sends the events to their
 *    connections in it instead (none when they have no tab). Memory only: a room that lost its
 *    copy just forwards again and hears `away` again. The skip ends when one of their connections
 *    there leaves (a `leave` frame, acknowledged with `left` so the tab reads every event sent
 *    before it; or a close), when their inbox asks to resume, or after SKIP_FOR_MS.
 * 3. When a tab connects to the inbox, the inbox room bumps its epoch and tells each room it
 *    remembered within SKIP_FOR_MS to resume (POST RESUME_PATH), and only then greets the tab
 *    with `welcome`. The tab catches up over HTTP (its conversation list, by seq) after
 *    `welcome`, so whatever a room skipped is in what it fetches, and later events are forwarded.
 *
 * The epoch orders a resume against an `away` answer still in flight (an answer from before the
 * latest resume is ignored), and a per-person generation orders a leave against one.
 */
export const RESUME_PATH = '/resume';
/** A skip lapses after this long: one forward then checks again (bounds a lost resume). */
export const SKIP_FOR_MS = 10 * 60_000;
/** Rooms an inbox remembers at most; rooms past this are never told they may skip. */
export const MAX_AWAY_ROOMS = 200;
const AWAY_KEY = 'away';
/** Clocks of two rooms may differ a little; a remembered room is resumed a while longer. */
const REMEMBER_MS = SKIP_FOR_MS + 60_000;

/** A conversation room's forward to an inbox room names itself and the recipient's tabs in it. */
export const forwardRequestSchema = publishRequestSchema.extend({
  from: roomIdSchema.optional(),
  tabs: z.array(z.string().min(1).max(128)).max(100).optional(),
});
export const resumeRequestSchema = z.object({
  userId: roomIdSchema,
  epoch: z.number().int().nonnegative(),
});
/** The part of an inbox room's answer to a forward that the conversation room reads. */
export const forwardAnswerSchema = z.object({
  deliveries: z.number().int().nonnegative().catch(0),
  away: z.number().int().nonnegative().optional().catch(undefined),
});

const awayRecordSchema = z.object({
  epoch: z.number().int().nonnegative(),
  /** Conversation room id → when this inbox last told it that it may skip. */
  rooms: z.record(roomIdSchema, z.number()),
});
type AwayRecord = z.infer<typeof awayRecordSchema>;

/** The conversation room's side: whose inbox to skip, in memory. */
export function skipList() {
  const until = new Map<string, number>();
  const resumed = new Map<string, number>();
  const generations = new Map<string, number>();
  const resume = (userId: string, epoch: number) => {
    until.delete(userId);
    resumed.set(userId, Math.max(epoch, resumed.get(userId) ?? -1));
  };
  return {
    skips(userId: string, now: number): boolean {
      const end = until.get(userId);
      if (end === undefined) return false;
      if (end > now) return true;
      until.delete(userId);
      return false;
    },
    /** Taken before a forward and handed back to `answered`: a leave in between wins. */
    generation: (userId: string) => generations.get(userId) ?? 0,
    /** An inbox answered a forward; `away` set means it may be skipped. */
    answered(userId: string, away: number | undefined, generation: number, now: number): void {
      if (away === undefined || (resumed.get(userId) ?? -1) > away) return;
      if ((generations.get(userId) ?? 0) !== generation) return;
      until.set(userId, now + SKIP_FOR_MS);
    },
    /** One of the person's connections here left: their other tabs may need the inbox again. */
    left(userId: string): void {
      until.delete(userId);
      generations.set(userId, (generations.get(userId) ?? 0) + 1);
    },
    resume,
    /** POST RESUME_PATH `{userId, epoch}` from an inbox room (the secret already checked). */
    onResume(request: RoomRequest): RoomResponse {
      if (request.method !== 'POST') return fail(405, 'method_not_allowed', 'use POST');
      const body = readBody(request, resumeRequestSchema);
      if (!body.ok) return body.response;
      resume(body.data.userId, body.data.epoch);
      return ok({ resumed: true });
    },
  };
}

/** The inbox room's side: which rooms may skip it, in storage, and resuming them. */
export function awayRecord(host: RoomHost) {
  const read = async (): Promise<AwayRecord> => {
    const parsed = awayRecordSchema.safeParse(await host.storage.get(AWAY_KEY));
    return parsed.success ? parsed.data : { epoch: 0, rooms: {} };
  };
  /** Rooms told within REMEMBER_MS; older ones have let their skip lapse by now. */
  const recent = (record: AwayRecord, now: number) =>
    Object.entries(record.rooms).filter(([, at]) => now - at < REMEMBER_MS);
  /** Shared by tabs connecting together: none is greeted before every room resumed. */
  let resuming: Promise<void> | null = null;

  const resumeAll = async () => {
    const record = await read();
    if (Object.keys(record.rooms).length === 0) return;
    const rooms = recent(record, host.now()).map(([roomId]) => roomId);
    const epoch = record.epoch + 1;
    await host.storage.put(AWAY_KEY, { epoch, rooms: {} });
    const answers = await fanOut(rooms, (roomId) =>
      host.request(
        { party: 'conversation', roomId, path: RESUME_PATH },
        { method: 'POST', body: { userId: host.id, epoch } },
      ),
    );
    const lost = answers.filter((answer) => answer === null).length;
    // Those rooms skip this person until their SKIP_FOR_MS runs out.
    if (lost > 0) host.log('warn', 'resume not answered', { room: host.id, rooms: lost });
  };

  return {
    /**
     * A forward from `room`: when every tab here is among `tabs` (the person's connections in
     * that room), remembers it and answers the epoch that lets the room skip this inbox.
     */
    async note(room: string | undefined, tabs: readonly string[]): Promise<number | undefined> {
      if (!room) return undefined;
      for (const connection of host.connections())
        if (!tabs.includes(connection.id)) return undefined;
      const record = await read();
      const now = host.now();
      const rooms = Object.fromEntries(recent(record, now));
      if (!(room in rooms) && Object.keys(rooms).length >= MAX_AWAY_ROOMS) return undefined;
      await host.storage.put(AWAY_KEY, { epoch: record.epoch, rooms: { ...rooms, [room]: now } });
      return record.epoch;
    },
    /** A tab connected: every room that may skip this inbox forwards again. */
    resume(): Promise<void> {
      resuming ??= resumeAll().finally(() => {
        resuming = null;
      });
      return resuming;
    },
  };
}
