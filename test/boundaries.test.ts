/**
 * The boundary check (`npm run lint:boundaries`, .dependency-cruiser.cjs) must fail when someone
 * adds a cycle or imports against the layers. Each case builds a tiny tree in a temporary folder
 * inside the repo (so `server-only` resolves from node_modules), cruises it with the project's
 * own rules, and expects exactly the rule that case breaks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs') as IConfiguration;

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function violations(files: Record<string, string>): Promise<string[]> {
  dir = mkdtempSync(path.join(process.cwd(), 'test', '.boundaries-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const previous = process.cwd();
  process.chdir(dir);
  try {
    const result = await cruise(Object.keys(files), {
      ruleSet: { forbidden: config.forbidden },
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: true,
      validate: true,
    });
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((v) => v.rule.name).sort();
  } finally {
    process.chdir(previous);
  }
}

/** The folders `npm run lint:boundaries` cruises (package.json): the code that ships, and the tests. */
const SOURCES = [
  'app',
  'components',
  'lib',
  'party',
  'workers',
  'test',
  'instrumentation.ts',
  'proxy.ts',
];

describe('the code base', () => {
  it('has no import cycle and no import against the layers', async () => {
    const result = await cruise(SOURCES, {
      ...config.options,
      ruleSet: { forbidden: config.forbidden },
      validate: true,
    });
    const output = result.output as ICruiseResult;
    const found = output.summary.violations.map(
      (v) => `${v.rule.name}: ${v.from} → ${v.cycle?.map((c) => c.name).join(' → ') ?? v.to}`,
    );
    expect(found).toEqual([]);
  });
});

describe('import boundaries', () => {
  it('passes a tree that follows the layers', async () => {
    expect(
      await violations({
        'lib/chat/send.ts': "import { x } from '../db/store';\nexport const y = x;\n",
        'lib/db/store.ts': "import { env } from '../env';\nexport const x = env;\n",
        'lib/env.ts': 'export const env = 1;\n',
      }),
    ).toEqual([]);
  });

  it('fails on an import cycle', async () => {
    expect(
      await violations({
        'lib/chat/a.ts': "import { b } from './b';\nexport const a = b;\n",
        'lib/chat/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      }),
    ).toContain('no-cycles');
  });

  it('fails when the store imports a feature', async () => {
    expect(
      await violations({
        'lib/db/index.ts':
          "import { name } from '../assistant/identity';\nexport const n = name;\n",
        'lib/assistant/identity.ts': "export const name = 'Parley AI';\n",
      }),
    ).toEqual(['db-knows-no-feature']);
  });

  it('fails when lib/ imports a job handler', async () => {
    expect(
      await violations({
        'lib/jobs/enqueue.ts':
          "import { run } from '../../workers/notify';\nexport const r = run;\n",
        'workers/notify.ts': 'export const run = 1;\n',
      }),
    ).toEqual(['jobs-know-the-catalog-not-the-handlers']);
  });

  it('fails when browser code reaches a server-only module, however indirectly', async () => {
    expect(
      await violations({
        'components/chat/list.tsx':
          "import { q } from '../../lib/chat/shared';\nexport const L = q;\n",
        'lib/chat/shared.ts': "import { q } from './server/query';\nexport { q };\n",
        'lib/chat/server/query.ts': "import 'server-only';\nexport const q = 1;\n",
      }),
    ).toEqual(['browser-never-reaches-server-only']);
  });

  it('fails when production code imports a test helper', async () => {
    expect(
      await violations({
        'lib/calls/peer.ts':
          "import { fake } from '../../test/fake-peer';\nexport const p = fake;\n",
        'test/fake-peer.ts': 'export const fake = 1;\n',
      }),
    ).toEqual(['production-code-never-imports-tests']);
  });
});
