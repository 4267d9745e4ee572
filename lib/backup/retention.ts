import { ARCHIVE_PATTERN } from './manifest';

/**
 * Which archives to delete to keep the newest `keep`: names sort by time (archiveName), and only
 * names Parley writes count, so nothing else in the folder is ever touched.
 */
export function archivesToPrune(names: readonly string[], keep: number): string[] {
  const ours = names.filter((n) => ARCHIVE_PATTERN.test(n)).sort();
  return ours.slice(0, Math.max(0, ours.length - keep));
}
