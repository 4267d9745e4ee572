import 'server-only';

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { env } from '@/lib/env';

/**
 * What `scripts/run.mjs` (`npm run dev` / `npm start`) writes to `<data dir>/supervisor.json`
 * about the processes it keeps alive. Absent on hosted deployments, which run no supervisor.
 */
const processStateSchema = z.object({
  status: z.enum(['starting', 'up', 'restarting', 'stopped']),
  restarts: z.number().int().min(0),
  lastRestartAt: z.string().nullable(),
  lastReason: z.string().nullable(),
});
export const supervisorStateSchema = z.object({
  updatedAt: z.string(),
  processes: z.record(z.string(), processStateSchema),
});
export type SupervisorState = z.infer<typeof supervisorStateSchema>;
export type ProcessState = z.infer<typeof processStateSchema>;

/** The supervisor's last report, or null when there is none (or it is unreadable). */
export async function readSupervisorState(
  file = path.join(env.PARLEY_DATA_DIR, 'supervisor.json'),
): Promise<SupervisorState | null> {
  try {
    // A data-directory file: the ignore comment keeps Next.js's file tracing from copying the
    // whole project into the standalone output.
    const text = await readFile(/*turbopackIgnore: true*/ file, 'utf8');
    const parsed = supervisorStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
