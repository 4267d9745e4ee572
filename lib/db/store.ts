/**
 * The store port: every durable read and write goes through these verb-first functions, which
 * take one object argument. Adapters: SQLite (embedded default) and MongoDB via mongoose.
 * Both pass the same contract suite (lib/db/contract.ts).
 */
export interface Store {
  readonly kind: 'sqlite' | 'mongo';
  /** Cheap round trip for the health route; throws when the store is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
