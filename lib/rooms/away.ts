import { z } from 'zod';

import { publishRequestSchema, roomIdSchema } from '../realtime/protocol';

import { fanOut } from './fan-out';
import type { RoomHost, RoomRequest, RoomResponse } from './host';
import { fail, ok, readBody } from './http';

/**
 * Online-aware fan-out (#19): a conversation room stops forwarding to the inbox room of someone
 * with no tab open, and starts again the moment a tab connects.
 *
 * Every forward to an inbox room is a PartyKit request (a Durable Object request on the free
 * tier's 100,000 a day), and in a team's day about a third of them went to inboxes nobody was
 * connected to. So:
 * 1. An inbox room with no tab that receives a forward from a conversation room remembers that
 *    room (storage: it must survive hibernation) and answers `away: epoch`.
 * 2. The conversation room then skips that person (memory only: a room that lost its copy just
 *    forwards again, and hears `away` again), for at most SKIP_FOR_MS in case a resume is lost.
 * 3. When a tab connects, the inbox room bumps its epoch and tells each remembered room to resume
 *    (POST RESUME_PATH), and only then greets the tab with `welcome`. The tab catches up over
 *    HTTP (its conversation list, by seq) after `welcome`, so whatever a room skipped is in what
 *    it fetches, and everything published after it is forwarded.
 *
 * The epoch orders a resume against an `away` answer still in flight: an answer from before the
 * latest resume is ignored (the tab it reported missing has connected since).
 */
export const RESUME_PATH = '/resume';
/** A skip lapses after this long: one forward then checks again (bounds a lost resume). */
export const SKIP_FOR_MS = 10 * 60_000;
/** Rooms an inbox remembers at most; rooms past this are never told they may skip. */
export const MAX_AWAY_ROOMS = 500;
const AWAY_KEY = 'away';

/** A conversation room's forward to an inbox room names itself, so the inbox can ask it back. */
export const forwardRequestSchema = publishRequestSchema.extend({ from: roomIdSchema.optional() });
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
  rooms: z.array(roomIdSchema).max(MAX_AWAY_ROOMS),
});
type AwayRecord = z.infer<typeof awayRecordSchema>;

/** The conversation room's side: whom to skip, in memory. */
export function skipList() {
  const until = new Map<string, number>();
  const resumed = new Map<string, number>();
  const resume = (userId: string, epoch: number) => {
    until.delete(userId);
    resumed.set(userId, Math.max(epoch, resumed.get(userId) ?? -1));
  };
  return {
    forwardsTo(userId: string, now: number): boolean {
      const end = until.get(userId);
      if (end === undefined) return true;
      if (end > now) return false;
      until.delete(userId);
      return true;
    },
    /** An inbox answered a forward; `away` set means it has no tab and remembered this room. */
    answered(userId: string, away: number | undefined, now: number): void {
      if (away === undefined || (resumed.get(userId) ?? -1) > away) return;
      until.set(userId, now + SKIP_FOR_MS);
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

/** The inbox room's side: which rooms skip it, in storage, and resuming them. */
export function awayRecord(host: RoomHost) {
  const read = async (): Promise<AwayRecord> => {
    const parsed = awayRecordSchema.safeParse(await host.storage.get(AWAY_KEY));
    return parsed.success ? parsed.data : { epoch: 0, rooms: [] };
  };
  /** Shared by tabs connecting together: none is greeted before every room resumed. */
  let resuming: Promise<void> | null = null;

  const resumeAll = async () => {
    const record = await read();
    if (record.rooms.length === 0) return;
    const epoch = record.epoch + 1;
    await host.storage.put(AWAY_KEY, { epoch, rooms: [] });
    const answers = await fanOut(record.rooms, (roomId) =>
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
    /** A forward from `room` found no tab: remembers it; the epoch tells the room it may skip. */
    async note(room: string): Promise<number | undefined> {
      const record = await read();
      if (record.rooms.includes(room)) return record.epoch;
      if (record.rooms.length >= MAX_AWAY_ROOMS) return undefined;
      await host.storage.put(AWAY_KEY, { epoch: record.epoch, rooms: [...record.rooms, room] });
      return record.epoch;
    },
    /** A tab connected: every room that skipped this inbox forwards again. */
    resume(): Promise<void> {
      resuming ??= resumeAll().finally(() => {
        resuming = null;
      });
      return resuming;
    },
  };
}
