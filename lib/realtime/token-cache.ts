/**
 * The browser's room tokens, reused until shortly before they expire (#19: a token request per
 * socket (re)connect was a fifth of a team's function invocations; a conversation's socket
 * closes whenever its tab is hidden, and reopens when it is shown).
 *
 * A token may open several rooms (an inbox or conversation token also opens the person's recent
 * conversations: `alsoFor`), so opening one of those asks for nothing.
 *
 * A cached token is handed out again only once a connection made with it has opened (`opened`):
 * a token the room refused (a rotated key, a removal) is never retried, the next connect asks for
 * a fresh one. Membership is still checked where it matters: when a token is minted, and by the
 * room, which refuses tokens issued before a removal for as long as they live.
 */

/** A token with less than this left is not handed out again (connects, clock skew). */
export const TOKEN_REUSE_MARGIN_MS = 60_000;

type Entry = { token: string; expiresAt: number; proven: boolean; handedOut: boolean };

export type RoomTokenCache = {
  /** A token for `key`: the cached one if it may be reused, else a fresh one from `mint`. */
  get(key: string): Promise<string>;
  /** A connection made with the token last handed out for `key` opened: it may be reused. */
  opened(key: string): void;
  /** The next `get` mints afresh (the token's claims are out of date: new contacts). */
  forget(key: string): void;
  /** A token minted elsewhere (the page's, for the inbox): the next `get` hands it out. */
  seed(key: string, minted: Minted): void;
};

type Minted = { token: string; expiresAt: string; alsoFor?: string[] };

export function createRoomTokenCache(deps: {
  /** A fresh token for `key`; `alsoFor`: other keys (rooms) the same token opens. */
  mint: (key: string) => Promise<Minted>;
  now?: () => number;
}): RoomTokenCache {
  const now = deps.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const keep = (key: string, { token, expiresAt, alsoFor = [] }: Minted, handedOut: boolean) => {
    const expires = Date.parse(expiresAt);
    entries.set(key, { token, expiresAt: expires, proven: false, handedOut });
    // The other rooms it opens: handed out once, then only if their socket opened.
    for (const other of alsoFor) {
      const current = entries.get(other);
      if (other !== key && !(current && current.expiresAt >= expires))
        entries.set(other, { token, expiresAt: expires, proven: false, handedOut: false });
    }
  };
  return {
    async get(key) {
      const cached = entries.get(key);
      const reusable =
        cached &&
        (cached.proven || !cached.handedOut) &&
        cached.expiresAt - now() > TOKEN_REUSE_MARGIN_MS;
      if (cached && reusable) {
        cached.handedOut = true;
        return cached.token;
      }
      entries.delete(key);
      const minted = await deps.mint(key);
      keep(key, minted, true);
      return minted.token;
    },
    seed(key, minted) {
      if (Date.parse(minted.expiresAt) - now() > TOKEN_REUSE_MARGIN_MS) keep(key, minted, false);
    },
    opened(key) {
      const entry = entries.get(key);
      if (entry) entry.proven = true;
    },
    forget(key) {
      entries.delete(key);
    },
  };
}
