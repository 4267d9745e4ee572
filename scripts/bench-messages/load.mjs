// The load both systems get: an open loop of POSTs spread over the groups (message k goes to
// group k mod G, written by its members in turn), and every other member's socket timing the
// message's arrival. Parley and the relay plug in how to POST and call `delivered` from their
// sockets; the loop, the bookkeeping and the figures are the same for both.
import { SENTENCES, sleep } from './util.mjs';

/**
 * @param {{ groups: { id: string, members: { id: string }[] }[],
 *           post: (group, author, message: { body: string, clientId: string }) => Promise<number | string>,
 *           runId: string, label: string }} opts
 *   `post` resolves to the HTTP status (or "error: …"), never rejects.
 */
export function createLoad({ groups: initialGroups, post, runId, label }) {
  let groups = initialGroups;
  const sent = new Map();
  const counters = { duplicates: 0, unknownFrames: 0 };
  const inflight = new Set();
  let nextIndex = 0;

  /** What a receiver's socket calls for each message.created it gets. */
  function delivered(receiverId, clientId, at) {
    const record = sent.get(clientId);
    if (!record) {
      counters.unknownFrames++;
      return;
    }
    if (receiverId === record.authorId) return; // the author's own echo
    if (record.receivedBy.has(receiverId)) {
      counters.duplicates++;
      return;
    }
    record.receivedBy.set(receiverId, at - record.sentAt);
  }

  function sendOne(phase, scheduledAt) {
    const k = nextIndex++;
    const group = groups[k % groups.length];
    const author = group.members[Math.floor(k / groups.length) % group.members.length];
    const clientId = `${runId}-${label}-${k}`;
    const record = {
      phase,
      k,
      authorId: author.id,
      recipients: group.members.length - 1,
      receivedBy: new Map(),
      scheduledAt,
      sentAt: performance.now(),
      respondedAt: null,
      postMs: null,
      status: null,
    };
    sent.set(clientId, record);
    const body = `${SENTENCES[k % SENTENCES.length]} (#${k})`;
    const promise = post(group, author, { body, clientId })
      .then(
        (status) => {
          record.status = status;
        },
        (err) => {
          record.status = `error: ${err?.cause?.code ?? err?.message ?? err}`;
        },
      )
      .finally(() => {
        record.respondedAt = performance.now();
        record.postMs = record.respondedAt - record.sentAt;
        inflight.delete(promise);
      });
    inflight.add(promise);
  }

  /** Open loop: message k leaves at start + k/rate whatever happened to the earlier ones. */
  async function drive(phase, rate, seconds) {
    const n = Math.round(rate * seconds);
    const interval = 1000 / rate;
    const start = performance.now();
    let k = 0;
    await new Promise((resolve) => {
      const tick = () => {
        const now = performance.now();
        while (k < n && start + k * interval <= now) sendOne(phase, start + k++ * interval);
        if (k >= n) return resolve();
        setTimeout(tick, Math.max(0, Math.min(4, start + k * interval - performance.now())));
      };
      tick();
    });
    const sendingSeconds = (performance.now() - start) / 1000;
    await Promise.allSettled([...inflight]);
    return { n, sendingSeconds };
  }

  const inPhase = (phase) => [...sent.values()].filter((r) => r.phase === phase);

  /** Waits until every created message of `phase` reached all its recipients, or `graceMs`. */
  async function settle(phase, graceMs = 5000) {
    const deadline = performance.now() + graceMs;
    while (performance.now() < deadline) {
      const pending = inPhase(phase).some(
        (r) => r.status === 201 && r.receivedBy.size < r.recipients,
      );
      if (!pending) return;
      await sleep(20);
    }
  }

  return {
    delivered,
    drive,
    settle,
    inPhase,
    counters,
    /** Sends only to these groups from now on (e.g. the ones whose members are all online). */
    useGroups(next) {
      groups = next;
    },
  };
}
