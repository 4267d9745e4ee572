import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

// GitHub Actions workflows only run on GitHub; here they are parsed and their required keys and
// the promises README makes about them (environments, smoke tests, rollback, gates) are checked.
const dir = path.resolve(__dirname, '../.github/workflows');
const stepSchema = z
  .object({
    uses: z.string().optional(),
    run: z.string().optional(),
    if: z.string().optional(),
    id: z.string().optional(),
    name: z.string().optional(),
  })
  .loose()
  .refine((s) => Boolean(s.uses) !== Boolean(s.run), 'a step has exactly one of uses or run');
const jobSchema = z
  .object({
    'runs-on': z.string(),
    steps: z.array(stepSchema).min(1),
    if: z.string().optional(),
    environment: z
      .union([z.string(), z.object({ name: z.string(), url: z.string().optional() })])
      .optional(),
  })
  .loose();
const workflowSchema = z
  .object({ name: z.string(), on: z.unknown(), jobs: z.record(z.string(), jobSchema) })
  .loose();
type Workflow = z.infer<typeof workflowSchema>;

const workflows: Record<string, Workflow> = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => [f, workflowSchema.parse(parse(readFileSync(path.join(dir, f), 'utf8')))]),
);
const runs = (job: z.infer<typeof jobSchema>) => job.steps.map((s) => s.run ?? '').join('\n');
const uses = (job: z.infer<typeof jobSchema>) => job.steps.map((s) => s.uses ?? '');

describe('GitHub workflows', () => {
  it('every workflow parses with a name, triggers and jobs whose steps use or run something', () => {
    expect(Object.keys(workflows).sort()).toEqual(
      expect.arrayContaining(['ci.yml', 'deploy.yml', 'load.yml', 'security.yml']),
    );
  });

  it('pins every action to a version', () => {
    for (const [file, wf] of Object.entries(workflows)) {
      for (const job of Object.values(wf.jobs)) {
        for (const action of uses(job).filter(Boolean))
          expect(action, file).toMatch(/@v?\d[\w.]*$/);
      }
    }
  });

  describe('deploy.yml', () => {
    const wf = workflows['deploy.yml']!;
    const { preview, staging, production } = wf.jobs;

    it('deploys PRs to previews, develop to staging and main to production behind its environment', () => {
      expect(preview?.if).toContain("github.event_name == 'pull_request'");
      expect(staging?.if).toContain('refs/heads/develop');
      expect(production?.if).toContain('refs/heads/main');
      expect(production?.environment).toMatchObject({ name: 'production' });
      expect(staging?.environment).toMatchObject({ name: 'staging' });
    });

    it('builds once and deploys that build, with the matching PartyKit deploy, in every environment', () => {
      for (const job of [preview!, staging!, production!]) {
        expect(runs(job)).toMatch(/vercel build/);
        expect(runs(job)).toMatch(/vercel deploy --prebuilt/);
        expect(runs(job)).toMatch(/partykit deploy/);
        expect(runs(job)).toMatch(/--var PARTY_SECRET=\$\{\{ secrets\.PARTY_SECRET \}\}/);
      }
      expect(runs(preview!)).toMatch(
        /partykit deploy --preview pr-\$\{\{ github\.event\.number \}\}/,
      );
      expect(JSON.stringify(preview)).toContain('parley-preview-pr-${{ github.event.number }}');
    });

    it('smoke-tests staging and production, and rolls production back when it fails', () => {
      expect(runs(staging!)).toMatch(/npm run smoke -- --url/);
      const steps = production!.steps;
      const smoke = steps.findIndex((s) => s.id === 'smoke');
      expect(steps[smoke]?.run).toMatch(/npm run smoke -- --url/);
      const rollback = steps[smoke + 1]!;
      expect(rollback.if).toContain('failure()');
      expect(rollback.run).toMatch(/vercel rollback/);
      expect(rollback.run).toMatch(/exit 1/);
    });
  });

  describe('security.yml', () => {
    const jobs = workflows['security.yml']!.jobs;
    it('runs CodeQL, gitleaks, the audit gate, coverage, ZAP and the image scan', () => {
      expect(uses(jobs.codeql!)).toContain('github/codeql-action/analyze@v3');
      expect(uses(jobs.secrets!).some((u) => u.startsWith('gitleaks/gitleaks-action@'))).toBe(true);
      expect(runs(jobs.audit!)).toContain('node scripts/audit.mjs');
      expect(runs(jobs.coverage!)).toContain('npm run test:coverage');
      expect(runs(jobs.coverage!)).toContain('GITHUB_STEP_SUMMARY');
      const zap = jobs.zap!.steps.find((s) => s.uses?.startsWith('zaproxy/action-baseline@'));
      expect(zap).toMatchObject({ with: { rules_file_name: '.zap/rules.tsv' } });
      expect(uses(jobs.image!).some((u) => u.startsWith('aquasecurity/trivy-action@'))).toBe(true);
    });

    it('the ZAP rules file is tab-separated id, action, reason', () => {
      const rules = readFileSync(path.resolve(__dirname, '../.zap/rules.tsv'), 'utf8')
        .trim()
        .split('\n');
      for (const line of rules) expect(line).toMatch(/^\d+\t(IGNORE|WARN|FAIL)\t\(.+\)$/);
    });
  });
  describe('load.yml', () => {
    const workflow = workflows['load.yml']!;
    const job = workflow.jobs.load!;
    const inputs = z
      .object({
        workflow_dispatch: z.object({
          inputs: z.object({
            scenario: z.object({ default: z.string() }),
            size: z.object({ options: z.array(z.string()), default: z.string() }),
          }),
        }),
      })
      .parse(workflow.on).workflow_dispatch.inputs;

    it('is manual, runs against staging only, and passes its inputs to npm run test:load', () => {
      expect(job.environment).toBe('staging');
      expect(runs(job)).toMatch(
        /npm run test:load -- --url https:\/\/\$\{\{ vars\.STAGING_DOMAIN \}\}/,
      );
      expect(runs(job)).toContain('--scenario ${{ inputs.scenario }} --size ${{ inputs.size }}');
      expect(inputs.size.options.sort()).toEqual(['full', 'smoke']);
      // The sizes npm run test:load (load/run.mjs) accepts.
      expect(readFileSync(path.resolve(__dirname, '../load/run.mjs'), 'utf8')).toContain(
        "['full', 'smoke'].includes(size)",
      );
    });

    it('reports to the job summary and keeps Artillery reports, even when thresholds fail', () => {
      expect(runs(job)).toContain('--summary "$GITHUB_STEP_SUMMARY" --reports load-reports');
      const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(upload).toMatchObject({ if: 'always()', with: { path: 'load-reports/' } });
    });
  });
});
