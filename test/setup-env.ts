/**
 * Vitest setup (runs before each test file loads): the secrets and directories the route code
 * needs. `lib/env.ts` parses process.env once, at import, so they must be in place before any
 * test imports a route; `vi.stubEnv` in a test would come too late.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Avatar uploads land here (<dir>/uploads), never in the real .data folder.
const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-test-'));

Object.assign(process.env, {
  NEXTAUTH_SECRET: 'test-nextauth-secret-'.padEnd(48, 'n'),
  PARTY_SECRET: 'test-party-secret-'.padEnd(48, 'p'),
  ROOM_TOKEN_KEY: 'test-room-token-key-'.padEnd(48, 'r'),
  JOBS_SECRET: 'test-jobs-secret-'.padEnd(48, 'j'),
  PARLEY_DATA_DIR: dataDir,
  // Nothing listens on the discard port, so realtime publishes fail fast (they are never fatal).
  PARTYKIT_HOST: '127.0.0.1:9',
  // What scripts/peer-address.cjs sets in a real server: test/api.ts fromIp sends the header.
  PARLEY_PEER_ADDRESS_HEADER: '1',
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});
