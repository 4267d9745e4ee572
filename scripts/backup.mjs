#!/usr/bin/env node
// `npm run backup` and `npm run restore -- <file>` (see lib/backup/cli.ts and README, Backups).
// The logic is TypeScript shared with the daily backup job; jiti runs it without a build step.
import { createJiti } from 'jiti';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
if (command !== 'backup' && command !== 'restore') {
  console.error('usage: node scripts/backup.mjs backup|restore [args]');
  process.exit(2);
}
const jiti = createJiti(import.meta.url, { alias: { '@': root }, fsCache: false });
const { main } = await jiti.import(path.join(root, 'lib/backup/cli.ts'));
process.exitCode = await main(command, process.argv.slice(3));
