import 'server-only';

import { setRequestObserver } from '@/lib/api/observe';
import { setStoreObserver } from '@/lib/db/observe';

import { httpDuration, httpRequests, statusClass, storeDuration } from './metrics';
import { recentActivity } from './recent';

/**
 * Counts every request route() answers, for /api/metrics and the operations page's last hour
 * (called once by instrumentation.ts on a Node server).
 */
export function observeHttpRequests(): void {
  const recent = recentActivity();
  setRequestObserver(({ route, method, status, seconds }) => {
    httpRequests.inc({ route, method, status_class: statusClass(status) });
    httpDuration.observe({ route, method }, seconds);
    recent.count('requests');
    if (status >= 500) recent.count('errors');
    recent.latency('request', seconds);
  });
}

/** Times every store operation (lib/db/observe.ts), by operation name. */
export function observeStoreOperations(): void {
  setStoreObserver((operation, seconds) => storeDuration.observe({ operation }, seconds));
}
