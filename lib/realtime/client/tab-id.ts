import 'client-only';

let id: string | undefined;

/**
 * One id per page load, used as the `_pk` of both of this tab's sockets (its inbox and its open
 * conversation), so the rooms can tell that they are the same tab: a conversation room skips the
 * inbox of someone whose every tab is looking at it (lib/rooms/away.ts). Not identity (the room
 * token is), and only the holder's own delivery depends on it.
 */
export function tabId(): string {
  id ??=
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return id;
}
