// --connections N: N people online at once (an inbox socket each, presence on, as open browser
// tabs), in groups of --group-size, with --connections-rate msg/s (default 50) among them. Reports
// the memory of workerd and next-server (idle, all connected, peak while sending) and delivery
// latency. People are seeded straight into the store (people.mjs seedPeople): signing 5,000 up
// would be minutes of argon2, not what this measures. Their groups and room tokens go through the
// API as a browser's would.
import { readFileSync } from 'node:fs';

import { sampleCpu } from '../lib/bench-server.mjs';
import { peakMemory, residentMemoryMb } from './cpu.mjs';
import { createLoad } from './load.mjs';
import { createGroups, openInbox, parleyPost, seedPeople } from './people.mjs';
import { measureWindow, warmUp } from './systems.mjs';
import { pool, round, step } from './util.mjs';

/** "Max open files" soft limit of a process (Linux), or null. */
function openFilesLimit(pid = 'self') {
  try {
    const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    return line ? Number(line.split(/\s{2,}/)[1]) : null;
  } catch {
    return null;
  }
}

/** Gives up opening sockets after this many failures: the limit is reached, and why is recorded. */
const MAX_CONNECT_FAILURES = 50;

export async function connectionsScenario(server, api, config, runId, { around } = {}) {
  const N = config.connections;
  const S = config.groupSize;
  const memory = { idle: residentMemoryMb() };

  step(`connections: seeding ${N} people into the store…`);
  const people = await seedPeople(server, N, runId);
  const groupCount = Math.floor(N / S);
  step(`connections: creating ${groupCount} groups of ${S} through the API…`);
  const groupsStarted = performance.now();
  const groups = await createGroups(api, people, groupCount, S);
  const groupsSeconds = round((performance.now() - groupsStarted) / 1000);

  const load = createLoad({ groups: [], post: parleyPost(server.baseUrl), runId, label: 'conn' });
  step(`connections: opening ${N} inbox sockets with presence…`);
  const connectStarted = performance.now();
  const sockets = [];
  const errors = {};
  let failures = 0;
  await pool(people, 20, async (person) => {
    if (failures >= MAX_CONNECT_FAILURES) return;
    try {
      sockets.push(
        await openInbox(api, person, (id, at) => load.delivered(person.id, id, at), {
          presence: true,
        }),
      );
      person.connected = true;
      if (sockets.length % 1000 === 0) step(`connections: ${sockets.length} open`);
    } catch (err) {
      failures++;
      const reason = err.cause?.code ?? err.code ?? err.message;
      errors[reason] = (errors[reason] ?? 0) + 1;
    }
  });
  const connectSeconds = round((performance.now() - connectStarted) / 1000);
  memory.connected = residentMemoryMb();
  step(`connections: ${sockets.length} of ${N} open in ${connectSeconds} s`);

  // Only groups whose members are all online carry traffic, so "100 % delivered" means it.
  const live = groups.filter((g) => g.members.every((m) => m.connected));
  load.useGroups(live);
  const system = {
    name: 'Parley (connections)',
    load,
    serverFacts: () => ({
      socketsClosedEarly: people.filter((p) => p.connected && p.socketClosed).length,
    }),
  };
  let window = null;
  if (live.length > 0) {
    await warmUp(system, config.connectionsRate, config.warmupSeconds);
    const samples = [];
    const timer = setInterval(() => samples.push(residentMemoryMb()), 1000);
    step(`connections: measuring, ${config.connectionsRate} msg/s over ${live.length} groups…`);
    try {
      window = await measureWindow(system, {
        phase: 'connections',
        rate: config.connectionsRate,
        seconds: config.durationSeconds,
        around,
      });
    } finally {
      clearInterval(timer);
    }
    memory.peakWhileSending = peakMemory(samples);
  }
  for (const ws of sockets) ws.close();

  const workerd = [...sampleCpu(process.pid)].find(([, s]) => s.label.startsWith('workerd'));
  return {
    connectionsAsked: N,
    connectionsOpen: sockets.length,
    connectFailures: errors,
    connectSeconds,
    groups: groups.length,
    groupsCarryingTraffic: live.length,
    groupSize: S,
    groupsCreatedSeconds: groupsSeconds,
    openFilesLimit: {
      bench: openFilesLimit(),
      workerd: workerd ? openFilesLimit(workerd[0]) : null,
    },
    residentMemoryMb: memory,
    window,
  };
}
