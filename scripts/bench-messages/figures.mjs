// Figures from one measured window's send records, and the comparison of two systems. Pure
// (figures.test.ts): records in, numbers out.
import { summarize } from '../lib/stats.mjs';
import { round } from './util.mjs';

/**
 * @param {{ status: number | string | null, sentAt: number, scheduledAt: number,
 *           respondedAt: number | null, postMs: number | null, recipients: number,
 *           receivedBy: Map<string, number> }[]} records one window's messages
 */
export function deliveryFigures(records) {
  const created = records.filter((r) => r.status === 201);
  const sendFailures = {};
  for (const r of records)
    if (r.status !== 201)
      sendFailures[String(r.status)] = (sendFailures[String(r.status)] ?? 0) + 1;
  const delivery = [];
  const lastRecipient = [];
  let received = 0;
  let expected = 0;
  for (const r of created) {
    expected += r.recipients;
    received += r.receivedBy.size;
    for (const ms of r.receivedBy.values()) delivery.push(ms);
    if (r.receivedBy.size === r.recipients && r.recipients > 0)
      lastRecipient.push(Math.max(...r.receivedBy.values()));
  }
  const firstSent = Math.min(...records.map((r) => r.sentAt));
  const lastResponse = Math.max(...records.map((r) => r.respondedAt ?? r.sentAt));
  const wallSeconds = records.length > 0 ? Math.max(0.001, (lastResponse - firstSent) / 1000) : 0;
  return {
    messagesOffered: records.length,
    messagesCreated: created.length,
    sendFailures,
    sustainedMessagesPerSecond: wallSeconds ? round(created.length / wallSeconds, 1) : 0,
    deliveriesPerSecond: wallSeconds ? round(received / wallSeconds, 1) : 0,
    maxSendLagMs: records.length
      ? round(Math.max(...records.map((r) => r.sentAt - r.scheduledAt)))
      : null,
    deliveryLatencyMs: summarize(delivery),
    allRecipientsLatencyMs: summarize(lastRecipient),
    httpPostLatencyMs: summarize(records.filter((r) => r.postMs !== null).map((r) => r.postMs)),
    deliveries: {
      expected,
      received,
      // Every message the sender was told was stored, at every other member: 1 is "all".
      completeness: expected ? round(received / expected, 6) : null,
    },
  };
}

/** Whether a window delivered everything it was asked to: every POST 201, every copy arrived. */
export function deliveredAll(figures) {
  return (
    figures.messagesCreated === figures.messagesOffered && figures.deliveries.completeness === 1
  );
}

/**
 * How many times slower Parley is than the relay (Parley ÷ relay) for delivery and POST latency
 * at p50 and p99; null where either side has no figure or the relay's is 0.
 */
export function ratios(parley, relay) {
  const ratio = (a, b) => (a === null || b === null || !(b > 0) ? null : round(a / b, 1));
  const pair = (key) => ({
    p50: ratio(parley[key].p50, relay[key].p50),
    p99: ratio(parley[key].p99, relay[key].p99),
  });
  return { delivery: pair('deliveryLatencyMs'), httpPost: pair('httpPostLatencyMs') };
}
