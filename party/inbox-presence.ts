import type * as Party from 'partykit/server';

import { send } from './frames';
import {
  PRESENCE_PATH,
  PRESENCE_STORAGE_KEY,
  aggregateStatus,
  contactUnion,
  inboxConnectionStateSchema,
  presenceUserSchema,
  storedPresenceSchema,
  type InboxConnectionState,
  type PresenceUser,
  type StoredPresence,
} from './presence';
import { callRoom, fanOut } from './room-calls';

/**
 * The inbox room's side of presence. The owner's status is computed from the connections'
 * states every time (never cached in memory), so it is right after hibernation; storage keeps
 * only the last announced status (to announce changes once) and lastSeenAt.
 */
export class InboxPresence {
  /** Announcements leave one after another so a contact never hears them out of order. */
  private announcements: Promise<unknown> = Promise.resolve();

  constructor(private readonly room: Party.Room) {}

  /**
   * States of the open connections, leaving out one that is closing. getConnections() yields
   * only sockets still OPEN, and in onClose the closing one already is not (seen in partykit
   * dev); skipping it by identity as well guards the count either way. Never by id: `_pk` is
   * the client's, and a reconnecting tab reuses it.
   */
  states(closing?: Party.Connection): InboxConnectionState[] {
    const states: InboxConnectionState[] = [];
    for (const connection of this.room.getConnections()) {
      if (connection === closing) continue;
      const parsed = inboxConnectionStateSchema.safeParse(connection.state);
      if (parsed.success) states.push(parsed.data);
    }
    return states;
  }

  private async stored(): Promise<StoredPresence> {
    const parsed = storedPresenceSchema.safeParse(
      await this.room.storage.get(PRESENCE_STORAGE_KEY),
    );
    return parsed.success ? parsed.data : { status: 'offline', lastSeenAt: null };
  }

  /** The owner's status as contacts see it. */
  async current(): Promise<PresenceUser> {
    const status = aggregateStatus(this.states());
    const lastSeenAt = status === 'offline' ? (await this.stored()).lastSeenAt : null;
    return { userId: this.room.id, status, lastSeenAt };
  }

  /**
   * After a connection opened, closed or changed its state: when the aggregate status differs
   * from the one last announced, stores it and tells every contact's inbox room. Storage calls
   * keep other events out (input gate), so read-compare-write does not interleave.
   */
  async reconcile(closing?: Party.Connection): Promise<void> {
    const previous = await this.stored();
    const live = this.states(closing);
    const status = aggregateStatus(live);
    if (status === previous.status) return;
    const lastSeenAt = status === 'offline' ? Date.now() : previous.lastSeenAt;
    await this.room.storage.put(PRESENCE_STORAGE_KEY, { status, lastSeenAt });
    // The closing connection's contacts matter most when it was the last one.
    const closingState = inboxConnectionStateSchema.safeParse(closing?.state);
    const contacts = contactUnion(closingState.success ? [...live, closingState.data] : live);
    const update: PresenceUser = {
      userId: this.room.id,
      status,
      lastSeenAt: status === 'offline' ? lastSeenAt : null,
    };
    this.announcements = this.announcements.then(() =>
      fanOut(contacts, (roomId) =>
        callRoom(
          this.room,
          { party: 'main', roomId, path: PRESENCE_PATH },
          { method: 'POST', body: update },
        ),
      ),
    );
    await this.announcements;
  }

  /** Sends a new connection one `presence` frame with the current status of its contacts. */
  async sendSnapshot(connection: Party.Connection, contacts: readonly string[]): Promise<void> {
    if (contacts.length === 0) return;
    const answers = await fanOut(contacts, async (roomId) => {
      const res = await callRoom(
        this.room,
        { party: 'main', roomId, path: PRESENCE_PATH },
        { method: 'GET' },
      );
      const parsed = presenceUserSchema.safeParse(await res?.json().catch(() => null));
      return parsed.success && parsed.data.userId === roomId ? parsed.data : null;
    });
    const users = answers.filter((user): user is PresenceUser => user !== null);
    if (users.length > 0) send(connection, { type: 'presence', users });
  }

  /**
   * A contact's status changed: forwards it to this room's connections that name that contact
   * (every tab holds its own token's contacts). Returns how many connections were told.
   */
  deliver(update: PresenceUser): number {
    if (update.userId === this.room.id) return 0;
    let delivered = 0;
    for (const connection of this.room.getConnections()) {
      const state = inboxConnectionStateSchema.safeParse(connection.state);
      if (!state.success || !state.data.contacts.includes(update.userId)) continue;
      send(connection, { type: 'presence', users: [update] });
      delivered++;
    }
    return delivered;
  }
}
