import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';
import { MAX_THREAD_PARTICIPANTS } from '@/lib/db/thread-rules';

import { chatFixtures, type OpenStore } from './fixtures';

/**
 * The threads port (lib/db/ports/threads.ts) and thread replies through createMessage: seq kept,
 * the root's summary, following and read positions. Every adapter runs it.
 */
export function threadsContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: threads port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { tick, people, group, post } = chatFixtures(() => store);
    const reply = async (
      conversationId: string,
      rootId: string,
      authorId: string,
      extra: { mentions?: string[]; alsoInConversation?: boolean; clientId?: string } = {},
    ) =>
      (
        await store.createMessage({
          conversationId,
          authorId,
          body: 'in thread',
          threadRootId: rootId,
          ...extra,
        })
      ).message;

    it('keeps the conversation’s seq for replies, and the root carries the summary', async () => {
      const [ana, bo, cy] = await people(3);
      const g = await group(ana!, [bo!, cy!]);
      const root = await post(g.id, ana!, 'root');
      const r1 = await reply(g.id, root.id, bo!);
      await tick();
      const r2 = await reply(g.id, root.id, cy!, { alsoInConversation: true });
      const after = await post(g.id, ana!, 'main');
      expect([root.seq, r1.seq, r2.seq, after.seq]).toEqual([1, 2, 3, 4]);
      expect(r1).toMatchObject({ threadRootId: root.id, alsoInConversation: false, thread: null });
      expect(r2.alsoInConversation).toBe(true);
      // Resync by seq is unchanged: the conversation's pages hold every message, replies too.
      const page = await store.listMessages({ conversationId: g.id, after: 0, limit: 10 });
      expect(page.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
      const summary = page.messages[0]!.thread;
      expect(summary).toEqual({
        replyCount: 2,
        lastReplySeq: 3,
        lastReplyAt: r2.createdAt,
        participantIds: [cy, bo],
      });
      expect(await store.getThread({ rootId: root.id })).toEqual(summary);
      expect((await store.getMessage({ id: root.id }))!.thread).toEqual(summary);
      expect(await store.getThread({ rootId: after.id })).toBeNull();
    });

    it('keeps recent participants newest first, without repeats, at most the maximum', async () => {
      const ids = await people(MAX_THREAD_PARTICIPANTS + 2);
      const g = await group(ids[0]!, ids.slice(1));
      const root = await post(g.id, ids[0]!);
      for (const id of ids) await reply(g.id, root.id, id);
      await reply(g.id, root.id, ids[2]!);
      const thread = await store.getThread({ rootId: root.id });
      expect(thread!.participantIds).toEqual(
        [
          ids[2],
          ...ids
            .slice()
            .reverse()
            .filter((id) => id !== ids[2]),
        ].slice(0, MAX_THREAD_PARTICIPANTS),
      );
      expect(thread!.replyCount).toBe(ids.length + 1);
    });

    it('leaves replies kept in their thread out of unread counts and the preview', async () => {
      const [ana, bo] = await people(2);
      const g = await group(ana!, [bo!]);
      const root = await post(g.id, ana!, 'root');
      const before = (await store.getMembership({ conversationId: g.id, userId: bo! }))!;
      const kept = await reply(g.id, root.id, bo!);
      // Bo's reply in the thread leaves his place in the conversation where it was.
      expect(await store.getMembership({ conversationId: g.id, userId: bo! })).toMatchObject({
        lastReadSeq: before.lastReadSeq,
      });
      expect(await store.latestTimelineMessage({ conversationId: g.id })).toMatchObject({
        id: root.id,
      });
      const shown = await reply(g.id, root.id, ana!, { alsoInConversation: true });
      await reply(g.id, root.id, ana!);
      expect(await store.latestTimelineMessage({ conversationId: g.id })).toMatchObject({
        id: shown.id,
      });
      const main = await post(g.id, ana!, 'main');
      // Bo: the root, the reply also sent to the conversation and the main message; not the two
      // replies kept in the thread (a naive lastSeq − lastReadSeq says 5).
      expect(
        await store.countTimelineMessages({ conversationId: g.id, afterSeq: before.lastReadSeq }),
      ).toBe(3);
      expect(await store.countTimelineMessages({ conversationId: g.id, afterSeq: kept.seq })).toBe(
        2,
      );
      expect(await store.countTimelineMessages({ conversationId: g.id, afterSeq: main.seq })).toBe(
        0,
      );
      // A reply also sent to the conversation is read there by its author, like any message.
      expect(await store.getMembership({ conversationId: g.id, userId: ana! })).toMatchObject({
        lastReadSeq: main.seq,
      });
      await store.deleteMessage({ id: main.id });
      expect(await store.latestTimelineMessage({ conversationId: g.id })).toMatchObject({
        id: main.id,
      });
      expect(await store.latestTimelineMessage({ conversationId: 'c_unknown' })).toBeNull();
    });

    it('a retried reply (same clientId) counts once', async () => {
      const [ana, bo] = await people(2);
      const g = await group(ana!, [bo!]);
      const root = await post(g.id, ana!);
      const first = await reply(g.id, root.id, bo!, { clientId: 'c-1' });
      const again = await reply(g.id, root.id, bo!, { clientId: 'c-1' });
      expect(again.id).toBe(first.id);
      expect((await store.getThread({ rootId: root.id }))!.replyCount).toBe(1);
    });

    it('pages a thread’s replies by seq, either way', async () => {
      const [ana, bo] = await people(2);
      const g = await group(ana!, [bo!]);
      const root = await post(g.id, ana!);
      const other = await post(g.id, ana!);
      const replies = [];
      for (let i = 0; i < 5; i++) {
        replies.push(await reply(g.id, root.id, bo!));
        await reply(g.id, other.id, ana!);
      }
      const seqs = replies.map((m) => m.seq);
      const newest = await store.listThreadReplies({ rootId: root.id, limit: 2 });
      expect(newest.messages.map((m) => m.seq)).toEqual(seqs.slice(3));
      expect(newest.hasMore).toBe(true);
      const older = await store.listThreadReplies({ rootId: root.id, before: seqs[3]!, limit: 10 });
      expect(older).toMatchObject({ hasMore: false });
      expect(older.messages.map((m) => m.seq)).toEqual(seqs.slice(0, 3));
      const newer = await store.listThreadReplies({ rootId: root.id, after: seqs[1]!, limit: 2 });
      expect(newer.messages.map((m) => m.seq)).toEqual(seqs.slice(2, 4));
      expect(newer.hasMore).toBe(true);
      expect(
        (await store.listThreadReplies({ rootId: other.id, limit: 50 })).messages,
      ).toHaveLength(5);
    });

    it('follows the replier, the root’s author and the mentioned; the author has read their reply', async () => {
      const [ana, bo, cy, di] = await people(4);
      const g = await group(ana!, [bo!, cy!, di!]);
      const root = await post(g.id, ana!);
      const r = await reply(g.id, root.id, bo!, { mentions: [cy!] });
      expect(await store.listThreadFollowers({ rootId: root.id })).toEqual([ana, bo, cy].sort());
      expect(await store.getThreadMembership({ rootId: root.id, userId: bo! })).toMatchObject({
        rootId: root.id,
        conversationId: g.id,
        following: true,
        lastReadSeq: r.seq,
      });
      expect(await store.getThreadMembership({ rootId: root.id, userId: ana! })).toMatchObject({
        following: true,
        lastReadSeq: 0,
      });
      expect(await store.getThreadMembership({ rootId: root.id, userId: di! })).toBeNull();
    });

    it('follows and unfollows by hand; replying follows again, the root’s author keeps their choice', async () => {
      const [ana, bo, cy] = await people(3);
      const g = await group(ana!, [bo!, cy!]);
      const root = await post(g.id, ana!);
      await reply(g.id, root.id, bo!);
      const off = await store.setThreadFollowing({
        rootId: root.id,
        conversationId: g.id,
        userId: ana!,
        following: false,
      });
      expect(off.following).toBe(false);
      await store.setThreadFollowing({
        rootId: root.id,
        conversationId: g.id,
        userId: bo!,
        following: false,
      });
      await reply(g.id, root.id, bo!);
      expect(await store.listThreadFollowers({ rootId: root.id })).toEqual([bo]);
      const on = await store.setThreadFollowing({
        rootId: root.id,
        conversationId: g.id,
        userId: cy!,
        following: true,
      });
      expect(on).toMatchObject({ following: true, lastReadSeq: 0, userId: cy });
    });

    it('moves the thread read position forward only, clamped to the newest reply', async () => {
      const [ana, bo] = await people(2);
      const g = await group(ana!, [bo!]);
      const root = await post(g.id, ana!);
      const r1 = await reply(g.id, root.id, bo!);
      const r2 = await reply(g.id, root.id, bo!);
      const input = { rootId: root.id, conversationId: g.id, userId: ana! };
      expect((await store.markThreadRead({ ...input, seq: r1.seq })).lastReadSeq).toBe(r1.seq);
      const all = await store.listThreadMemberships({ rootId: root.id });
      expect(all.map((m) => [m.userId, m.lastReadSeq])).toEqual(
        [
          [ana, r1.seq],
          [bo, r2.seq],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      expect((await store.markThreadRead({ ...input, seq: 1 })).lastReadSeq).toBe(r1.seq);
      expect((await store.markThreadRead({ ...input, seq: 999 })).lastReadSeq).toBe(r2.seq);
    });

    it('lists followed threads with unread ones first and their unread counts', async () => {
      const [ana, bo] = await people(2);
      const g = await group(ana!, [bo!]);
      const other = await group(bo!, [ana!]);
      const quiet = await post(g.id, ana!, 'quiet');
      const busy = await post(g.id, ana!, 'busy');
      const elsewhere = await post(other.id, ana!, 'elsewhere');
      const own = await reply(g.id, busy.id, ana!);
      await reply(g.id, busy.id, bo!);
      await tick();
      const r = await reply(g.id, busy.id, bo!);
      await tick();
      await reply(g.id, quiet.id, bo!);
      await store.markThreadRead({ rootId: quiet.id, conversationId: g.id, userId: ana!, seq: 99 });
      await reply(other.id, elsewhere.id, bo!);
      const list = await store.listFollowedThreads({
        userId: ana!,
        conversationIds: [g.id],
        limit: 10,
      });
      // busy has 2 unread (bo's two after ana's own reply); quiet is read though its reply is newer.
      expect(own.seq).toBeLessThan(r.seq);
      expect(list.map((t) => [t.rootId, t.unreadCount])).toEqual([
        [busy.id, 2],
        [quiet.id, 0],
      ]);
      expect(list[0]!.thread.lastReplySeq).toBe(r.seq);
      await store.deleteMessage({ id: r.id });
      const after = await store.listFollowedThreads({
        userId: ana!,
        conversationIds: [g.id],
        limit: 1,
      });
      expect(after.map((t) => [t.rootId, t.unreadCount])).toEqual([[busy.id, 1]]);
      expect(
        await store.listFollowedThreads({ userId: ana!, conversationIds: [], limit: 10 }),
      ).toEqual([]);
    });

    it('a deleted root stays a tombstone with its thread; a deleted reply is uncounted once', async () => {
      const [ana, bo] = await people(2);
      const g = await group(ana!, [bo!]);
      const root = await post(g.id, ana!);
      const r1 = await reply(g.id, root.id, bo!);
      await reply(g.id, root.id, bo!);
      const tomb = await store.deleteMessage({ id: root.id });
      expect(tomb).toMatchObject({ body: '', thread: { replyCount: 2 } });
      expect(tomb!.deletedAt).toBeInstanceOf(Date);
      expect((await store.listThreadReplies({ rootId: root.id, limit: 10 })).messages).toHaveLength(
        2,
      );
      await store.deleteMessage({ id: r1.id });
      await store.deleteMessage({ id: r1.id });
      expect((await store.getThread({ rootId: root.id }))!.replyCount).toBe(1);
      const replies = await store.listThreadReplies({ rootId: root.id, limit: 10 });
      expect(replies.messages.map((m) => m.deletedAt !== null)).toEqual([true, false]);
    });
  });
}
