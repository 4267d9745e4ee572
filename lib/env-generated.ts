import 'server-only';

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

import { parseServerEnv } from './env';
import { isProductionDeployment } from './env-deployment';

type Source = Record<string, string | undefined>;

/** The values `npm run dev` generated into <data dir>/secrets.json; none when there is no file. */
export function readGeneratedSecrets(dataDir: string): Set<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'));
  } catch {
    return new Set();
  }
  const parsed = z.record(z.string(), z.string()).safeParse(raw);
  return new Set(parsed.success ? Object.values(parsed.data) : []);
}

/**
 * Called once at server start (instrumentation.ts, Node only): a production deployment whose
 * secrets are the ones `npm run dev` generated (someone copied a laptop's .data to the server)
 * stops with an EnvError naming them. lib/env.ts cannot read the file itself: it also runs on
 * the edge.
 */
export function refuseGeneratedSecrets(source: Source): void {
  if (!isProductionDeployment(source)) return;
  parseServerEnv(source, {
    enforceSecrets: false,
    generatedSecrets: readGeneratedSecrets(source.PARLEY_DATA_DIR || '.data'),
  });
}
