import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

import { clientSchema, serverSchema } from '@/lib/env';

// Docker does not run here: these check what can be checked without it. The image build and a
// Trivy scan run on GitHub (.github/workflows/security.yml, job `image`).
const root = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

const composeSchema = z.object({
  services: z.record(
    z.string(),
    z.object({
      image: z.string().optional(),
      environment: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      volumes: z.array(z.string()).optional(),
      network_mode: z.string().optional(),
    }),
  ),
  volumes: z.record(z.string(), z.unknown()),
});
const compose = composeSchema.parse(parse(read('compose.yml')));
const appVariables = new Set([
  ...Object.keys(serverSchema.shape),
  ...Object.keys(clientSchema.shape),
]);
const exampleVariables = new Set(
  [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]),
);

describe('compose.yml', () => {
  it('runs Parley, the realtime server, MongoDB and Redis, with data on volumes', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['app', 'mongo', 'realtime', 'redis', 'redis-http'].sort(),
    );
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        expect(compose.volumes, `${name} mounts ${source}`).toHaveProperty(source);
      }
    }
    expect(compose.services.app?.volumes).toContain('app-data:/data');
    expect(compose.services.realtime?.volumes).toContain('partykit-state:/data/partykit');
  });

  it('passes the app only variables lib/env.ts knows', () => {
    const unknown = Object.keys(compose.services.app?.environment ?? {}).filter(
      (name) => !appVariables.has(name),
    );
    expect(unknown).toEqual([]);
  });

  it('reads from .env only variables .env.example documents', () => {
    const used = [...read('compose.yml').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !exampleVariables.has(name))).toEqual([]);
  });

  it('pins every image to a version (no latest, no bare name)', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.image) continue;
      expect(service.image, name).toMatch(/:[\w.-]+$/);
      expect(service.image, name).not.toMatch(/:latest$/);
    }
  });
});

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [op = '', ...rest] = line.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

describe('Dockerfile (the hadolint rules that matter here)', () => {
  const all = instructions(read('Dockerfile'));
  const args = new Map(
    all
      .filter((i) => i.op === 'ARG' && i.args.includes('='))
      .map((i) => i.args.split('=') as [string, string]),
  );
  const stages: { name: string; body: typeof all }[] = [];
  for (const i of all) {
    if (i.op === 'FROM') stages.push({ name: i.args.split(/\s+as\s+/i)[1] ?? '', body: [i] });
    else stages.at(-1)?.body.push(i);
  }
  const runner = stages.find((s) => s.name === 'runner');

  it('is multi-stage, and the runner stage is last (the default target)', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(stages.at(-1)?.name).toBe('runner');
  });

  it('pins every base image to a tag, never latest (DL3006, DL3007)', () => {
    for (const stage of stages) {
      const image = stage.body[0]!.args.split(/\s+/)[0]!;
      const resolved = image.replace(/^\$\{(\w+)\}$/, (_, name: string) => args.get(name) ?? '');
      const known = stages.some((s) => s.name === resolved);
      if (known) continue;
      expect(resolved, stage.name).toMatch(/^[\w./-]+:[\w.-]+$/);
      expect(resolved, stage.name).not.toMatch(/:latest$/);
      expect(resolved, stage.name).toMatch(/^node:24/);
    }
  });

  it('runs the app and the realtime server as a non-root user (DL3002)', () => {
    for (const name of ['runner', 'realtime']) {
      const users = stages.find((s) => s.name === name)!.body.filter((i) => i.op === 'USER');
      expect(users.length, name).toBeGreaterThan(0);
      expect(users.at(-1)!.args, name).not.toMatch(/^(root|0)(:|$)/);
    }
  });

  it('starts server.js with the peer-address preload, so rate limits see each caller', () => {
    const cmd = runner!.body.filter((i) => i.op === 'CMD').at(-1)!;
    expect(JSON.parse(cmd.args)).toEqual(['node', '--import', './peer-address.mjs', 'server.js']);
    const copies = runner!.body.filter((i) => i.op === 'COPY').map((i) => i.args);
    expect(copies).toContain(
      '--from=build --chown=node:node /app/scripts/peer-address.mjs ./peer-address.mjs',
    );
  });

  it('checks health on /api/health/live', () => {
    const check = runner!.body.find((i) => i.op === 'HEALTHCHECK');
    expect(check?.args).toContain('/api/health/live');
  });

  it('ships no dev dependencies: the runner copies only the standalone output', () => {
    const copies = runner!.body.filter((i) => i.op === 'COPY').map((i) => i.args);
    expect(copies.some((c) => c.includes('.next/standalone'))).toBe(true);
    expect(copies.filter((c) => c.includes('node_modules'))).toEqual([]);
    const build = stages.find((s) => s.name === 'build')!;
    expect(
      build.body.some((i) => i.op === 'ENV' && i.args.includes('NEXT_OUTPUT=standalone')),
    ).toBe(true);
    expect(read('next.config.js')).toMatch(/NEXT_OUTPUT === 'standalone'/);
  });

  it('cleans apt lists after installing (DL3009) and avoids sudo (DL3004)', () => {
    for (const run of all.filter((i) => i.op === 'RUN')) {
      if (run.args.includes('apt-get install')) {
        expect(run.args).toContain('--no-install-recommends');
        expect(run.args).toContain('rm -rf /var/lib/apt/lists/*');
      }
      expect(run.args).not.toMatch(/\bsudo\b/);
    }
  });

  it('keeps data, secrets and build output out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.data', '.env', 'node_modules', '.next', '.git'])
      expect(ignored).toContain(entry);
  });

  describe('the realtime image (partykit dev)', () => {
    const realtime = stages.find((s) => s.name === 'realtime')!;
    const cmd = z
      .tuple([z.literal('sh'), z.literal('-c'), z.string()])
      .parse(JSON.parse(realtime.body.find((i) => i.op === 'CMD')!.args));
    const secrets = { PARTY_SECRET: 'party "secret" $HOME x y', ROOM_TOKEN_KEY: 'room-token-key' };

    /** Runs the image's start command with a stand-in partykit that prints its arguments. */
    function start(env: Record<string, string>) {
      const dir = mkdtempSync(path.join(tmpdir(), 'parley-realtime-cmd-'));
      try {
        mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
        const fake = path.join(dir, 'node_modules/.bin/partykit');
        writeFileSync(fake, '#!/bin/sh\nprintf "%s\\n" "$@"\n');
        chmodSync(fake, 0o755);
        const run = spawnSync('sh', ['-c', cmd[2]], {
          cwd: dir,
          env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
          encoding: 'utf8',
        });
        return {
          status: run.status,
          args: run.stdout.split('\n').filter(Boolean),
          stderr: run.stderr,
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it('passes the room secrets to partykit dev as --var, from the container environment, intact', () => {
      const { status, args } = start(secrets);
      expect(status).toBe(0);
      expect(args.slice(0, 1)).toEqual(['dev']);
      const vars = args.flatMap((arg, i) => (args[i - 1] === '--var' ? [arg] : []));
      expect(vars).toEqual([
        `PARTY_SECRET=${secrets.PARTY_SECRET}`,
        `ROOM_TOKEN_KEY=${secrets.ROOM_TOKEN_KEY}`,
      ]);
      expect(args).toEqual(expect.arrayContaining(['--persist', '/data/partykit']));
    });

    it('refuses to start without either secret instead of running rooms with an empty one', () => {
      for (const missing of ['PARTY_SECRET', 'ROOM_TOKEN_KEY'] as const) {
        const env: Record<string, string> = { ...secrets };
        delete env[missing];
        const { status, args, stderr } = start(env);
        expect(status, missing).not.toBe(0);
        expect(args, missing).toEqual([]);
        expect(stderr, missing).toContain(`set ${missing}`);
      }
    });

    it('bakes no secret into the image: no ENV or ARG for one, no vars in partykit.json, no .env', () => {
      for (const i of all.filter((x) => x.op === 'ENV' || x.op === 'ARG'))
        expect(i.args).not.toMatch(/PARTY_SECRET|ROOM_TOKEN_KEY|NEXTAUTH_SECRET|JOBS_SECRET/);
      const config = z.record(z.string(), z.unknown()).parse(JSON.parse(read('partykit.json')));
      expect(config).not.toHaveProperty('vars');
      const copied = realtime.body.filter((i) => i.op === 'COPY').map((i) => i.args);
      expect(copied.filter((c) => /\.env|secrets|\.data/.test(c))).toEqual([]);
      expect(compose.services.realtime?.environment).toEqual({
        PARTY_SECRET: '${PARTY_SECRET:?set PARTY_SECRET in .env}',
        ROOM_TOKEN_KEY: '${ROOM_TOKEN_KEY:?set ROOM_TOKEN_KEY in .env}',
      });
    });
  });
});
