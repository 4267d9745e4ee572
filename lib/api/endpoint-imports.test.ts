import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** Descriptor modules: `lib/<feature>/endpoints.ts` and `lib/<feature>/*-endpoints.ts`. */
function descriptorModules(): string[] {
  return readdirSync(path.join(root, 'lib'), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /(^|-)endpoints\.ts$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(root, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(path.join(root, from)), spec)
      : null;
  if (!base) return null;
  for (const file of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base])
    if (existsSync(file) && file.endsWith('.ts')) return path.relative(root, file);
  return null;
}

/** Runtime imports (not `import type`) of a file: packages by name, our modules by path. */
function runtimeImports(file: string): { packages: string[]; files: string[] } {
  const source = readFileSync(path.join(root, file), 'utf8');
  const specs = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)';/gms)]
    .map((m) => m[1] ?? '')
    .concat([...source.matchAll(/^import\s+'([^']+)';/gm)].map((m) => m[1] ?? ''));
  const files: string[] = [];
  const packages: string[] = [];
  for (const spec of specs) {
    const resolved = resolve(file, spec);
    if (resolved) files.push(resolved);
    else if (!spec.startsWith('@/') && !spec.startsWith('.')) packages.push(spec);
  }
  return { packages, files };
}

describe('endpoint descriptors are importable from the browser', () => {
  it('finds the descriptor modules', () => {
    expect(descriptorModules()).toEqual(
      expect.arrayContaining(['lib/chat/message-endpoints.ts', 'lib/users/endpoints.ts']),
    );
  });

  it.each(descriptorModules())('%s reaches only zod and browser-safe modules', (start) => {
    const seen = new Set<string>();
    const queue = [start];
    const problems: string[] = [];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const { packages, files } = runtimeImports(file);
      for (const pkg of packages)
        if (pkg !== 'zod' && !pkg.endsWith('.json')) problems.push(`${file} imports ${pkg}`);
      queue.push(...files);
    }
    expect(problems).toEqual([]);
  });
});
