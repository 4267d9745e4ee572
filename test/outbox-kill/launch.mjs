// Runs a TypeScript test script in a plain Node child process, with the app's `@/` alias and
// `server-only` stubbed as under Vitest: `node test/outbox-kill/launch.mjs <script.ts> [args]`.
// jiti comes with the dev tooling (eslint, vite); nothing here runs in production.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createJiti } from 'jiti';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const jiti = createJiti(import.meta.url, {
  alias: { '@/': `${root}/`, 'server-only': path.join(root, 'test/empty-module.ts') },
});
await jiti.import(path.resolve(process.argv[2]));
