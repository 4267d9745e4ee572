import mongoose, { type Connection } from 'mongoose';

/** MongoDB database names: at most 64 bytes; we keep one in reserve. */
const MAX_DB_NAME = 63;

/**
 * Which database Parley uses: `explicit` (MONGODB_DB) when given; on Vercel preview deployments
 * `parley-preview-<branch slug>`, so a preview never reads or writes production data; otherwise
 * `parley`.
 */
export function databaseName({
  explicit,
  vercelEnv,
  branch,
}: {
  explicit?: string | undefined;
  vercelEnv?: string | undefined;
  branch?: string | undefined;
}): string {
  if (explicit) return explicit;
  if (vercelEnv !== 'preview') return 'parley';
  const slug = (branch ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // A preview without a usable branch name still stays away from `parley`.
  const name = slug ? `parley-preview-${slug}` : 'parley-preview';
  return name.slice(0, MAX_DB_NAME).replace(/-+$/, '');
}

// Cached on globalThis so `next dev` hot reloads and warm serverless invocations reuse one
// connection (per URI and database) instead of opening a new pool each time.
const cache = globalThis as unknown as { __parleyMongo?: Map<string, Promise<Connection>> };

const keyOf = (uri: string, dbName: string) => `${dbName}\n${uri}`;

/** Opens (or reuses) the connection to `dbName`; rejects when no server answers in a few seconds. */
export function connect({ uri, dbName }: { uri: string; dbName: string }): Promise<Connection> {
  const connections = (cache.__parleyMongo ??= new Map<string, Promise<Connection>>());
  const key = keyOf(uri, dbName);
  let pending = connections.get(key);
  if (!pending) {
    pending = mongoose
      .createConnection(uri, {
        dbName,
        serverSelectionTimeoutMS: 5_000,
        // Fail fast instead of queueing commands while the server is away.
        bufferCommands: false,
        // Build the schemas' indexes (unique email, token hash…) when the models are compiled.
        autoIndex: true,
        autoCreate: true,
        maxPoolSize: 10,
      })
      .asPromise();
    connections.set(key, pending);
    // A failed attempt is forgotten, so the next request tries again.
    pending.catch(() => {
      if (connections.get(key) === pending) connections.delete(key);
    });
  }
  return pending;
}

/** Closes a connection opened by `connect` and forgets it. */
export async function disconnect(
  conn: Connection,
  { uri, dbName }: { uri: string; dbName: string },
): Promise<void> {
  cache.__parleyMongo?.delete(keyOf(uri, dbName));
  await conn.close();
}
