// The two systems under the same load: Parley (its production server, people signed up through
// the API, an inbox socket each) and the Socket.io relay (same groups, a Socket.io client each).
// Each answers { name, load, people, setup, close() }; window.mjs measures either the same way.
import { startCpuWindow } from './cpu.mjs';
import { deliveryFigures } from './figures.mjs';
import { createLoad } from './load.mjs';
import { createGroups, openConversation, openInbox, parleyPost, signUpPeople } from './people.mjs';
import { startRelay } from './relay.mjs';
import { pool, round, step } from './util.mjs';

export async function setupParley(server, api, { groups: G, groupSize: S, looking }, runId) {
  step(`Parley: signing up ${G * S} people…`);
  const started = performance.now();
  const people = await signUpPeople(api, G * S, runId);
  const signUpSeconds = round((performance.now() - started) / 1000);
  step(`Parley: creating ${G} groups of ${S}…`);
  const groups = await createGroups(api, people, G, S);
  const load = createLoad({ groups, post: parleyPost(server.baseUrl), runId, label: 'parley' });
  step(`Parley: opening ${people.length} inbox sockets…`);
  const onMessage = (person) => (clientId, at) => load.delivered(person.id, clientId, at);
  const sockets = await pool(people, 10, (person) => openInbox(api, person, onMessage(person)));
  if (looking) {
    // --looking: every person's one tab also has their group open (a conversation socket).
    step(`Parley: opening ${people.length} conversation sockets (everyone looking)…`);
    const members = groups.flatMap((g) => g.members.map((person) => ({ person, group: g })));
    sockets.push(
      ...(await pool(members, 10, ({ person, group }) =>
        openConversation(api, person, group.id, onMessage(person)),
      )),
    );
  }
  return {
    name: 'Parley',
    load,
    people,
    setup: { people: people.length, groups: G, groupSize: S, signUpSeconds, looking: !!looking },
    /** What only Parley's server can tell about a window. */
    serverFacts: () => ({
      publishFailuresLogged: (server.output().match(/realtime publish failed/g) ?? []).length,
      partykitRestarts: server.partyBuilds() - 1,
      socketsClosedEarly: people.filter((p) => p.socketClosed).length,
    }),
    close: async () => {
      for (const ws of sockets) ws.close();
    },
  };
}

export async function setupRelay({ groups: G, groupSize: S }, runId) {
  step(`relay: starting the Socket.io relay and connecting ${G * S} clients…`);
  const relay = await startRelay({ groups: G, groupSize: S });
  const load = createLoad({ groups: relay.groups, post: relay.post, runId, label: 'relay' });
  await relay.connect(load.delivered);
  return {
    name: 'relay',
    load,
    setup: { people: G * S, groups: G, groupSize: S },
    serverFacts: () => ({}),
    close: () => relay.stop(),
  };
}

/**
 * One measured window: `rate` msg/s for `seconds`, CPU sampled while sending, then up to 5 s for
 * the last deliveries. `around` (optional) wraps the sending, e.g. a CPU profile.
 */
export async function measureWindow(system, { phase, rate, seconds, around }) {
  const { load } = system;
  const before = { ...load.counters };
  const stopAround = around ? await around.start() : null;
  const finishCpu = startCpuWindow();
  const { n, sendingSeconds } = await load.drive(phase, rate, seconds);
  const cpu = finishCpu(sendingSeconds, n);
  const aroundResult = stopAround ? await stopAround() : undefined;
  await load.settle(phase);
  const figures = deliveryFigures(load.inPhase(phase));
  return {
    offeredRate: rate,
    durationSeconds: seconds,
    ...figures,
    deliveries: {
      ...figures.deliveries,
      duplicates: load.counters.duplicates - before.duplicates,
      framesForUnknownMessages: load.counters.unknownFrames - before.unknownFrames,
    },
    ...system.serverFacts(),
    ...cpu,
    ...(aroundResult !== undefined ? { profile: aroundResult } : {}),
  };
}

/** Sends at `rate` for `seconds` unmeasured (JIT, caches, connection pools), then lets it settle. */
export async function warmUp(system, rate, seconds) {
  if (seconds <= 0) return;
  step(`${system.name}: warm-up, ${rate} msg/s for ${seconds} s (not measured)…`);
  await system.load.drive('warmup', rate, seconds);
  await system.load.settle('warmup');
}
