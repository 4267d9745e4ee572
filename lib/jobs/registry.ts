import { jobCatalog, jobNames } from './catalog';
import type { JobDefinition, JobHandlers } from './define';

/** Job name → definition: what the dispatcher and the job route run. */
export type JobRegistry = Readonly<Record<string, JobDefinition>>;

/**
 * The catalog joined with its handlers. The handlers come from workers/index.ts, which only the
 * dispatcher's start-up (instrumentation.ts) and /api/jobs/[name] import: lib/jobs never imports
 * workers/, since handlers import the features that queue jobs.
 */
export function registryFrom(handlers: JobHandlers, catalog = jobCatalog): JobRegistry {
  return Object.fromEntries(
    jobNames.map((name): [string, JobDefinition] => [
      name,
      { name, ...catalog[name], run: handlers[name] },
    ]),
  );
}
