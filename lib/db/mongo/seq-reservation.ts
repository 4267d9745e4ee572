/** How a MongoDB send takes its seq: one atomic pipeline that also makes retries idempotent. */
import type { ConversationDoc } from './models';

/** How many sends with a clientId a conversation remembers the seq of. */
export const RECENT_SENDS = 50;

/**
 * The update that gives a send its seq, as one atomic pipeline on the conversation. A new
 * (authorId, clientId) takes lastSeq + 1, moves lastActivityAt and is remembered with its seq;
 * one already remembered (a retry racing the first attempt, or retrying one whose insert failed)
 * gets that same seq back and changes nothing. So concurrent retries never spend a seq, and
 * whichever inserts first stores the message. User values go in as $literal, never as paths.
 */
export function reserveSeqUpdate(authorId: string, clientId: string, now: Date) {
  const send = { authorId: { $literal: authorId }, clientId: { $literal: clientId } };
  const recent = { $ifNull: ['$recentSends', []] };
  const matches = {
    $and: [{ $eq: ['$$s.authorId', send.authorId] }, { $eq: ['$$s.clientId', send.clientId] }],
  };
  return [
    {
      $set: {
        _known: { $gt: [{ $size: { $filter: { input: recent, as: 's', cond: matches } } }, 0] },
      },
    },
    {
      $set: {
        lastSeq: { $cond: ['$_known', '$lastSeq', { $add: ['$lastSeq', 1] }] },
        lastActivityAt: { $cond: ['$_known', '$lastActivityAt', { $literal: now }] },
      },
    },
    {
      $set: {
        recentSends: {
          $cond: [
            '$_known',
            recent,
            {
              $slice: [{ $concatArrays: [recent, [{ ...send, seq: '$lastSeq' }]] }, -RECENT_SENDS],
            },
          ],
        },
      },
    },
    { $unset: '_known' },
  ];
}

/** The seq a conversation (as reserveSeqUpdate left it) holds for this send. */
export function reservedSeq(
  doc: Pick<ConversationDoc, 'recentSends'>,
  authorId: string,
  clientId: string,
): number | null {
  const send = doc.recentSends?.find((s) => s.authorId === authorId && s.clientId === clientId);
  return send?.seq ?? null;
}
