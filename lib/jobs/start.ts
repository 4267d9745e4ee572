import { getStore } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { startStateSampler } from '@/lib/metrics/collect';

import { republishNowAndThen } from './enqueue';
import { runJobsInline } from './inline';
import { startLocalDispatcher } from './local-dispatcher';
import type { JobRegistry } from './registry';

/**
 * Called once per Node server process by instrumentation.ts, with the app's registry (the
 * catalog joined with workers/' handlers, which lib/jobs never imports). With QStash configured,
 * QStash delivers jobs to /api/jobs/<name> and nothing runs here; otherwise the embedded queue's
 * dispatcher polls the store in this process.
 */
export function startJobsInProcess(registry: JobRegistry): void {
  startStateSampler(getStore);
  if (env.QSTASH_TOKEN) {
    log.info('jobs: delivered by QStash; jobs due at once run here after the response');
    runJobsInline(registry);
    // Jobs whose publish failed before a restart go out now (and later, see enqueueJob).
    void getStore().then((store) => republishNowAndThen(store));
    return;
  }
  startLocalDispatcher({ store: getStore, registry });
  log.info('jobs: local dispatcher started');
}
