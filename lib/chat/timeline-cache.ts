/**
 * Whether a conversation being opened can show the timeline this tab already holds instead of
 * fetching its latest page (#19: a `GET /messages` per open was a quarter of a team's function
 * invocations, mostly for conversations the tab had open minutes before).
 *
 * It can when the held timeline reaches the present (its latest page was applied, it is not a
 * window in the past) and holds every message up to the conversation's last seq as the inbox last
 * told it, and the inbox socket is open, so nothing created since is on its way unheard. Messages
 * the socket carried while the conversation was not on screen were applied to the held timeline
 * by seq (a gap fetches `after=`); a reconnect catches every held timeline up. This is the same
 * guarantee an open conversation has, so an open that follows it adds no risk.
 */
export function canServeFromCache(input: {
  held: { loadedLatest: boolean; hasMoreAfter: boolean; lastSeq: number } | undefined;
  /** The conversation's last seq from the sidebar (kept live by inbox events), if known. */
  conversationLastSeq: number | undefined;
  inboxOpen: boolean;
}): boolean {
  const { held, conversationLastSeq, inboxOpen } = input;
  if (!held || !inboxOpen || conversationLastSeq === undefined) return false;
  return held.loadedLatest && !held.hasMoreAfter && held.lastSeq >= conversationLastSeq;
}
