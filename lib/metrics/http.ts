import 'server-only';

import { setRequestObserver } from '@/lib/api/observe';

import { httpDuration, httpRequests, statusClass } from './metrics';

/** Counts every request route() answers (called once by instrumentation.ts on a Node server). */
export function observeHttpRequests(): void {
  setRequestObserver(({ route, method, status, seconds }) => {
    httpRequests.inc({ route, method, status_class: statusClass(status) });
    httpDuration.observe({ route, method }, seconds);
  });
}
