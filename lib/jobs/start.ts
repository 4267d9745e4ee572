import { getStore } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

import { republishNowAndThen } from './enqueue';
import { startLocalDispatcher } from './local-dispatcher';
import { loadWorkers } from './registry';

/**
 * Called once per Node server process by instrumentation.ts. With QStash configured, QStash
 * delivers jobs to /api/jobs/<name> and nothing runs here; otherwise the embedded queue's
 * dispatcher polls the store in this process.
 */
export function startJobsInProcess(): void {
  if (env.QSTASH_TOKEN) {
    log.info('jobs: delivered by QStash');
    // Jobs whose publish failed before a restart go out now (and later, see enqueueJob).
    void getStore().then((store) => republishNowAndThen(store));
    return;
  }
  startLocalDispatcher({ store: getStore, registry: loadWorkers });
  log.info('jobs: local dispatcher started');
}
