// Types for figures.mjs, so its tests (TypeScript, allowJs off) can import it.
import type { Summary } from '../lib/stats.mjs';

export type SendRecord = {
  status: number | string | null;
  sentAt: number;
  scheduledAt: number;
  respondedAt: number | null;
  postMs: number | null;
  recipients: number;
  receivedBy: Map<string, number>;
};
export type WindowFigures = {
  messagesOffered: number;
  messagesCreated: number;
  sendFailures: Record<string, number>;
  sustainedMessagesPerSecond: number | null;
  deliveriesPerSecond: number | null;
  maxSendLagMs: number | null;
  deliveryLatencyMs: Summary;
  allRecipientsLatencyMs: Summary;
  httpPostLatencyMs: Summary;
  deliveries: { expected: number; received: number; completeness: number | null };
};
export type Ratio = { p50: number | null; p99: number | null };
export function deliveryFigures(records: SendRecord[]): WindowFigures;
export function deliveredAll(figures: WindowFigures): boolean;
export function ratios(
  parley: Pick<WindowFigures, 'deliveryLatencyMs' | 'httpPostLatencyMs'>,
  relay: Pick<WindowFigures, 'deliveryLatencyMs' | 'httpPostLatencyMs'>,
): { delivery: Ratio; httpPost: Ratio };
