/** What the day leaves in the store: bytes per table, and what a year of them keeps. */
import Database from 'better-sqlite3';
import path from 'node:path';

import { READ_NOTIFICATION_RETENTION_DAYS } from '@/lib/notifications/server/retention';

import { budgetWorld } from './world';

const services = budgetWorld().services!;

/**
 * Bytes the store keeps, per table (its indexes included), from SQLite's dbstat. Succeeded jobs
 * are pruned after a week (lib/jobs/local-dispatcher.ts, keepSucceededMs), so they do not grow a
 * year's storage and are left out. MongoDB stores documents differently (BSON, compressed by
 * WiredTiger); the SQLite figure is the estimate.
 */
export function tableBytes(): Record<string, number> {
  const db = new Database(path.join(services.dataDir, 'parley.db'));
  const rows = db
    .prepare<[], { tbl: string; bytes: number }>(
      `SELECT s.tbl_name AS tbl, SUM(d.pgsize) AS bytes FROM dbstat d
       JOIN sqlite_schema s ON s.name = d.name GROUP BY s.tbl_name`,
    )
    .all();
  db.close();
  return Object.fromEntries(rows.map((r) => [r.tbl, r.bytes]));
}
const PRUNED_TABLES = new Set(['jobs']);
/**
 * Direct conversations are created the first time two people write to each other, which in this
 * one-day model is the day itself: a team's DMs (and their memberships) are made once, not every
 * day, so their bytes count once in a year, not 365 times.
 */
export const ONE_TIME_TABLES = ['conversations', 'memberships'];

/**
 * Read notifications are deleted after READ_NOTIFICATION_RETENTION_DAYS (the daily
 * `prune-notifications` job): of a year's notifications, the read ones are kept that many days
 * and the unread ones all year. Returns the share of a year's notification bytes kept.
 */
export function notificationsKeptShare(): number {
  const db = new Database(path.join(services.dataDir, 'parley.db'));
  const { read, all } = db
    .prepare<[], { read: number; all: number }>(
      'SELECT COUNT(read_at) AS read, COUNT(*) AS "all" FROM notifications',
    )
    .get()!;
  db.close();
  if (all === 0) return 1;
  return ((all - read) * 365 + read * READ_NOTIFICATION_RETENTION_DAYS) / (all * 365);
}
export const keptBytes = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(after)
      .filter(([t]) => !PRUNED_TABLES.has(t))
      .map(([t, b]) => [t, b - (before[t] ?? 0)])
      .filter(([, b]) => (b as number) > 0),
  ) as Record<string, number>;
