import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import { z } from 'zod';

import { closePeople, personInBrowser, send, startDirect } from './fixtures/chat';
import { E2E_METRICS_TOKEN } from './fixtures/server';

/**
 * Debian's real Prometheus scrapes the running Parley (the e2e production server) every second;
 * then every PromQL expression in the Grafana dashboard and the alert rules (each rule's query,
 * without its threshold) is evaluated through Prometheus's HTTP API, and any that returns no
 * series fails: a panel or an alert can never watch a metric Parley does not export.
 */
const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const queryResponse = z.object({
  status: z.literal('success'),
  data: z.object({ result: z.array(z.object({ metric: z.record(z.string(), z.string()) })) }),
});

function expressions(): { where: string; expr: string }[] {
  const dir = path.resolve('monitoring');
  const dashboard = z
    .object({
      panels: z.array(
        z.object({ title: z.string(), targets: z.array(z.object({ expr: z.string() })) }),
      ),
    })
    .parse(JSON.parse(readFileSync(path.join(dir, 'grafana/dashboards/parley.json'), 'utf8')));
  const found = dashboard.panels.flatMap((p) =>
    p.targets.map((t) => ({ where: `panel "${p.title}"`, expr: t.expr })),
  );
  // Alert rules are `<query> <op> <threshold>`: the query part must return series.
  const rules = readFileSync(path.join(dir, 'alerts.yml'), 'utf8');
  for (const match of rules.matchAll(/- alert: (\w+)\n\s+expr: (.+)\n/g)) {
    const [, name, expr] = match;
    const query = expr?.replace(/\s*(==|!=|>=|<=|>|<)\s*[\d.]+\s*$/, '');
    if (name && query) found.push({ where: `alert ${name}`, expr: query });
  }
  return found;
}

let prometheus: ChildProcess | undefined;
let scratch = '';
test.afterAll(async () => {
  prometheus?.kill('SIGTERM');
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  await closePeople();
});

test('every dashboard panel and alert rule returns series from a real Prometheus scraping Parley', async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(120_000);
  const target = new URL(baseURL ?? 'http://localhost:3100');
  scratch = mkdtempSync(path.join(tmpdir(), 'parley-prometheus-'));
  writeFileSync(path.join(scratch, 'token'), E2E_METRICS_TOKEN);
  writeFileSync(
    path.join(scratch, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      'scrape_configs:',
      '  - job_name: parley',
      '    metrics_path: /api/metrics',
      `    authorization: { type: Bearer, credentials_file: ${path.join(scratch, 'token')} }`,
      `    static_configs: [{ targets: ['${target.host}'] }]`,
    ].join('\n'),
  );
  const port = await freePort();
  prometheus = spawn(
    PROMETHEUS,
    [
      `--config.file=${path.join(scratch, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(scratch, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const query = async (expr: string) => {
    const res = await request.get(`http://127.0.0.1:${port}/api/v1/query`, {
      params: { query: expr },
    });
    return queryResponse.parse(await res.json()).data.result;
  };
  await expect
    .poll(
      () =>
        query('up{job="parley"} == 1')
          .then((r) => r.length)
          .catch(() => 0),
      { timeout: 30_000 },
    )
    .toBe(1);

  // Traffic for every panel: two people, a DM, messages (publishes, the send route, jobs).
  const ana = await personInBrowser(browser, 'Ana Metrics');
  const ben = await personInBrowser(browser, 'Ben Metrics');
  await startDirect(ana.page, 'Ben Metrics');
  for (let i = 0; i < 3; i++) await send(ana.page, `metrics message ${i}`);
  await expect(ben.page.getByRole('link', { name: /Ana Metrics/ })).toBeVisible();
  // Scraped before and after the traffic, so rate() and increase() have samples on both sides.
  await expect
    .poll(
      () => query('sum(increase(parley_messages_created_total[1m])) > 0').then((r) => r.length),
      {
        timeout: 20_000,
      },
    )
    .toBe(1);

  // More of the same traffic, now that series exist: rate() over a histogram needs two samples
  // of it, so each expression gets a few scrapes to show up before it counts as missing.
  for (let i = 3; i < 6; i++) await send(ana.page, `metrics message ${i}`);
  const missing = async () => {
    const empty: string[] = [];
    for (const { where, expr } of expressions()) {
      if ((await query(expr)).length === 0) empty.push(`${where}: ${expr}`);
    }
    return empty;
  };
  await expect
    .poll(missing, { message: 'expressions that returned no series', timeout: 30_000 })
    .toEqual([]);
});
