/** What the day costs: each route call counted and timed, page loads and sockets (modelled). */

// ── what the serverless platform is asked for: every route call, timed ──────────────────────────
export const invocations: Record<string, { count: number; ms: number; cpuMs: number }> = {};
/** Server-rendered page loads are counted from the model (they are not run here). */
const PAGE_LOAD = 'page /chats (modelled)';

export async function invoke(name: string, call: () => Promise<Response>): Promise<Response> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const res = await call();
  await res.clone().arrayBuffer();
  const entry = (invocations[name] ??= { count: 0, ms: 0, cpuMs: 0 });
  entry.count++;
  entry.ms += performance.now() - started;
  const used = process.cpuUsage(cpu);
  entry.cpuMs += (used.user + used.system) / 1000;
  return res;
}

export function countPage(): void {
  (invocations[PAGE_LOAD] ??= { count: 0, ms: 0, cpuMs: 0 }).count++;
}

// ── PartyKit traffic that never reaches Next.js: sockets and their frames (modelled) ───────────
/**
 * `reports`: what each inbox socket tells the sockets room (lib/rooms/sockets.ts), once when it
 * connects and once when it leaves: room-to-room requests.
 */
export const sockets = { connects: 0, framesIn: 0, connectionMinutes: 0, reports: 0 };
