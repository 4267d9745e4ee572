// Creates the embedded data directory and the development secrets both processes share.
// Plain ESM so it runs before anything is compiled.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SECRET_NAMES = ['NEXTAUTH_SECRET', 'PARTY_SECRET', 'ROOM_TOKEN_KEY', 'JOBS_SECRET'];

export function resolveDataDir(env = process.env) {
  return path.resolve(env.PARLEY_DATA_DIR || '.data');
}

/** Returns the secrets in `<dataDir>/secrets.json`, generating any that are missing. */
export function ensureDataDir(dataDir) {
  // Private to the account running Parley (the secrets, database and uploads live here). An
  // existing directory is left as it is: it may be one the operator chose on purpose.
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'secrets.json');
  const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  let changed = false;
  for (const name of SECRET_NAMES) {
    if (typeof current[name] !== 'string' || current[name].length < 32) {
      current[name] = randomBytes(32).toString('base64url');
      changed = true;
    }
  }
  if (changed) writeFileSync(file, JSON.stringify(current, null, 2) + '\n', { mode: 0o600 });
  return current;
}

/** The environment for child processes: real variables win over generated development secrets. */
export function childEnv(dataDir, extra = {}) {
  const secrets = ensureDataDir(dataDir);
  const env = { ...process.env, PARLEY_DATA_DIR: dataDir, ...extra };
  for (const name of SECRET_NAMES) if (!env[name]) env[name] = secrets[name];
  return env;
}
