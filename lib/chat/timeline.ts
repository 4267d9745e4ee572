import { dateTimeFormat } from './time-format';
import type { AttachmentWire, MessageWire } from './wire';

/**
 * A conversation's timeline as the browser holds it: confirmed messages ordered by `seq`, then the
 * messages this tab sent that the server has not confirmed yet. Pure functions: the timeline store
 * calls them and the list renders `groupForDisplay`.
 */

/** A message sent from this tab, shown before the server confirms it; it has no id or seq yet. */
export type PendingMessage = {
  clientId: string;
  conversationId: string;
  authorId: string;
  body: string;
  replyToId: string | null;
  attachments: AttachmentWire[];
  /** The local clock at send time: only used to place date separators and groups. */
  createdAt: string;
  status: 'pending' | 'failed';
  error: string | null;
};

export type Timeline = {
  /** Confirmed messages, ascending by seq, one per id. */
  messages: readonly MessageWire[];
  /** Unconfirmed messages in send order; always shown after every confirmed one. */
  pending: readonly PendingMessage[];
};

/** Sent and unconfirmed messages behind one shape; `key` survives pending → confirmed. */
export type TimelineItem =
  | { status: 'sent'; key: string; message: MessageWire }
  | { status: 'pending' | 'failed'; key: string; message: PendingMessage };

export type DisplayRow =
  | { type: 'date'; key: string; label: string }
  | { type: 'unread'; key: 'unread' }
  /** `startsGroup`: first of an author group, so it shows the avatar and name. */
  | { type: 'message'; key: string; item: TimelineItem; startsGroup: boolean };

// A retry may repeat a clientId, but the server keeps it unique per author (never duplicates).
const localKey = (authorId: string | null, clientId: string) => `c:${authorId ?? ''}:${clientId}`;

export function itemKey(message: MessageWire | PendingMessage): string {
  if ('seq' in message && !message.clientId) return `m:${message.id}`;
  return localKey(message.authorId, message.clientId ?? '');
}

/**
 * Merges messages from a page or an event into a timeline: ordered by seq, one copy per id (the
 * fresher one), and a confirmed message replaces the pending one with its clientId. Returns the
 * same arrays when nothing changed, so store selectors and memoized rows stay stable.
 */
export function mergeMessages(existing: Timeline, incoming: readonly MessageWire[]): Timeline {
  const byId = new Map(existing.messages.map((m) => [m.id, m]));
  let changed = false;
  for (const message of incoming) {
    const current = byId.get(message.id);
    const next = current ? fresher(current, message) : message;
    if (next !== current) {
      byId.set(message.id, next);
      changed = true;
    }
  }
  const confirmed = new Set(
    incoming.filter((m) => m.clientId).map((m) => localKey(m.authorId, m.clientId ?? '')),
  );
  const pending = existing.pending.filter((p) => !confirmed.has(localKey(p.authorId, p.clientId)));
  return {
    messages: changed ? [...byId.values()].sort((a, b) => a.seq - b.seq) : existing.messages,
    pending: pending.length === existing.pending.length ? existing.pending : pending,
  };
}

/**
 * Copies of one message arrive out of order (a page fetched before an edit lands after the edit's
 * event). A deletion is final, a later `editedAt` wins; reactions carry no version, so between
 * equal edits the copy that arrived last wins — unless it says nothing new (keep the reference).
 */
function fresher(current: MessageWire, candidate: MessageWire): MessageWire {
  if (current.deletedAt && !candidate.deletedAt) return current;
  if (candidate.deletedAt && !current.deletedAt) return candidate;
  const a = stamp(current.editedAt);
  const b = stamp(candidate.editedAt);
  if (a !== b) return a > b ? current : candidate;
  return JSON.stringify(current) === JSON.stringify(candidate) ? current : candidate;
}

const stamp = (iso: string | null) => (iso ? Date.parse(iso) : 0);

/** Whether a message with `incomingSeq` leaves a hole after `knownMaxSeq`: fetch `after=knownMaxSeq`. */
export function detectGap(knownMaxSeq: number, incomingSeq: number): boolean {
  return incomingSeq > knownMaxSeq + 1;
}

/** The highest seq reached from `fromSeq` through consecutive seqs in `messages` (ascending). */
export function contiguousTail(messages: readonly MessageWire[], fromSeq: number): number {
  let tail = fromSeq;
  for (const m of messages) {
    if (m.seq === tail + 1) tail = m.seq;
    else if (m.seq > tail + 1) break;
  }
  return tail;
}

export function timelineItems(timeline: Timeline): TimelineItem[] {
  return [
    ...timeline.messages.map((m) => itemOf('sent', m)),
    ...timeline.pending.map((p) => itemOf(p.status, p)),
  ];
}

// One item per message object and status: a message the store kept as it was keeps its item, so
// memoized rows (MessageItem compares `item` by identity) render again only when their own
// message changed. A new item for every message on every change rendered every row each time a
// message arrived, most of the receiving page's work (#18, bench:browser --profile).
const items = new WeakMap<MessageWire | PendingMessage, TimelineItem>();

function itemOf(
  status: TimelineItem['status'],
  message: MessageWire | PendingMessage,
): TimelineItem {
  const known = items.get(message);
  if (known?.status === status) return known;
  const item = { status, key: itemKey(message), message } as TimelineItem;
  items.set(message, item);
  return item;
}

export type GroupOptions = {
  meId: string;
  /**
   * Where the "New messages" divider goes: before the first message after it not written by me.
   * Pass the value captured when the conversation was opened, so the divider stays put while the
   * person reads (marking read moves the live value).
   */
  lastReadSeq: number;
  /**
   * The conversation's last seq when it was opened: only messages that had arrived by then count
   * as new (not the ones that arrive while the person watches). Unset: no upper bound.
   */
  unreadUpToSeq?: number;
  now?: Date;
  locale?: string;
  timeZone?: string;
};

/**
 * How close in time one author's messages must be to share a header (avatar, name, time), as in
 * Slack's and Discord's compact modes: each message within this long after the previous one.
 */
export const GROUP_WINDOW_MS = 5 * 60_000;

/** Rows for the message list: date separators, the unread divider and grouped messages. */
export function groupForDisplay(timeline: Timeline, options: GroupOptions): DisplayRow[] {
  const { meId, lastReadSeq, locale, timeZone } = options;
  const upTo = options.unreadUpToSeq ?? Infinity;
  const days = dayFormatter(timeZone);
  const today = days(options.now ?? new Date());
  const labels = { today, yesterday: previousDay(today), locale, timeZone };
  const rows: DisplayRow[] = [];
  let prev: { authorId: string | null; system: boolean; at: number } | null = null;
  let day = '';
  let dividerPlaced = false;

  for (const item of timelineItems(timeline)) {
    // Pending times come from this device's clock; never let them run backwards past the server's.
    const at = Math.max(Date.parse(item.message.createdAt), prev?.at ?? -Infinity);
    let breaks = false;
    const itemDay = days(new Date(at));
    if (itemDay !== day) {
      day = itemDay;
      rows.push({ type: 'date', key: `date:${day}`, label: dayLabel(day, at, labels) });
      breaks = true;
    }
    const sent = item.status === 'sent' ? item.message : null;
    // My own doings are never new to me: my messages, and system entries I caused (a call I
    // started, a member I added).
    const newToMe =
      sent !== null &&
      sent.seq > lastReadSeq &&
      sent.seq <= upTo &&
      sent.authorId !== meId &&
      sent.system?.actorId !== meId;
    if (!dividerPlaced && newToMe) {
      rows.push({ type: 'unread', key: 'unread' });
      dividerPlaced = true;
      breaks = true;
    }
    const authorId = item.message.authorId;
    const system = sent?.kind === 'system';
    const startsGroup =
      breaks ||
      system ||
      !prev ||
      prev.system ||
      prev.authorId !== authorId ||
      at - prev.at > GROUP_WINDOW_MS;
    rows.push({ type: 'message', key: item.key, item, startsGroup });
    prev = { authorId, system, at };
  }
  return rows;
}

/** A formatter to the calendar day (YYYY-MM-DD) in the reader's time zone. */
function dayFormatter(timeZone: string | undefined): (date: Date) => string {
  const format = dateTimeFormat(
    { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' },
    'en-US',
  );
  return (date) => {
    const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}

// Calendar arithmetic on the day key itself, so DST days (23 or 25 hours) cannot skip a date.
function previousDay(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

function dayLabel(
  day: string,
  at: number,
  labels: { today: string; yesterday: string; locale?: string; timeZone?: string },
): string {
  if (day === labels.today) return 'Today';
  if (day === labels.yesterday) return 'Yesterday';
  const options: Intl.DateTimeFormatOptions = {
    timeZone: labels.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  };
  if (day.slice(0, 4) !== labels.today.slice(0, 4)) options.year = 'numeric';
  return dateTimeFormat(options, labels.locale).format(new Date(at));
}
