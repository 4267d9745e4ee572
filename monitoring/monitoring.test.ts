/**
 * The monitoring configs are checked by Prometheus's own tool (Debian's `prometheus` package ships
 * `promtool`; .ci/run installs it): the scrape config and the rules are valid, and each alert
 * fires (and stays quiet) as alerts.test.yml says. e2e/monitoring.spec.ts then runs a real
 * Prometheus against a running Parley and evaluates every expression.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const dir = path.resolve('monitoring');
const promtool = process.env.PROMTOOL ?? 'promtool';

function run(args: string[]): string {
  const result = spawnSync(promtool, args, { cwd: dir, encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      `${promtool} could not run (${result.error.message}). Install Debian's prometheus package (apt-get install prometheus) or set PROMTOOL.`,
    );
  }
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`promtool ${args.join(' ')} failed:\n${output}`);
  return output;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'parley-monitoring-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('monitoring configs', () => {
  it('prometheus.yml is a valid config whose rule files load', () => {
    // The token file is mounted by compose; give promtool one where the config expects it.
    const token = path.join(scratch, 'metrics-token');
    writeFileSync(token, 'token\n');
    const config = readFileSync(path.join(dir, 'prometheus.yml'), 'utf8').replace(
      '/etc/prometheus/metrics-token',
      token,
    );
    const copy = path.join(dir, `.check-${process.pid}.yml`);
    writeFileSync(copy, config);
    try {
      expect(run(['check', 'config', copy])).toMatch(/SUCCESS: 5 rules found/);
    } finally {
      rmSync(copy, { force: true });
    }
  });

  it('alerts.yml passes promtool check rules', () => {
    expect(run(['check', 'rules', 'alerts.yml'])).toContain('SUCCESS');
  });

  it('each alert fires and stays quiet as alerts.test.yml expects', () => {
    expect(run(['test', 'rules', 'alerts.test.yml'])).toContain('SUCCESS');
  });

  it('promtool catches a broken alert (the unit tests can fail)', () => {
    const broken = path.join(scratch, 'alerts.yml');
    writeFileSync(
      broken,
      readFileSync(path.join(dir, 'alerts.yml'), 'utf8').replace('> 0.02', '> 0.5'),
    );
    const tests = path.join(scratch, 'alerts.test.yml');
    writeFileSync(tests, readFileSync(path.join(dir, 'alerts.test.yml'), 'utf8'));
    const result = spawnSync(promtool, ['test', 'rules', tests], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('ParleyHighErrorRate');
  });

  it('every dashboard panel queries the provisioned Prometheus data source', () => {
    const dashboard = z
      .object({
        uid: z.string(),
        panels: z.array(
          z.object({
            title: z.string(),
            datasource: z.object({ uid: z.string() }),
            targets: z.array(z.object({ expr: z.string().min(1) })).min(1),
          }),
        ),
      })
      .parse(JSON.parse(readFileSync(path.join(dir, 'grafana/dashboards/parley.json'), 'utf8')));
    const provisioned = readFileSync(
      path.join(dir, 'grafana/provisioning/datasources/prometheus.yml'),
      'utf8',
    );
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    for (const panel of dashboard.panels) {
      expect(provisioned).toContain(`uid: ${panel.datasource.uid}`);
    }
  });
});
