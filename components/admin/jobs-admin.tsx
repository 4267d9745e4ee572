'use client';

import { useState } from 'react';

import { FormAlert } from '@/components/auth/form-alert';
import { Button } from '@/components/ui/button';
import { ApiClientError, callEndpoint } from '@/lib/api/client';
import { listJobsEndpoint, retryJobEndpoint } from '@/lib/jobs/endpoints';
import { jobStates, type JobsResponse, type JobWire } from '@/lib/jobs/wire';
import { toast } from '@/lib/ui/client/toast-store';

const stateLabels: Record<JobWire['state'], string> = {
  pending: 'Pending',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

// UTC and fixed: the server's and the browser's locales would render different text (hydration).
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

const messageOf = (error: unknown, fallback: string) =>
  error instanceof ApiClientError ? error.message : fallback;

/** The jobs page: counts, pending/running/failed jobs, and a Retry button for each failed one. */
export function JobsAdmin({ initial }: { initial: JobsResponse }) {
  const [data, setData] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function refresh() {
    setBusy('refresh');
    setError(null);
    try {
      setData(await callEndpoint(listJobsEndpoint));
    } catch (e) {
      setError(messageOf(e, 'Could not load the jobs. Try again.'));
    } finally {
      setBusy(null);
    }
  }

  async function retry(job: JobWire) {
    setBusy(job.id);
    setError(null);
    try {
      const res = await callEndpoint(retryJobEndpoint, { params: { id: job.id } });
      toast({ title: `Queued ${res.job.name} again`, variant: 'success' });
      await refresh();
    } catch (e) {
      setError(messageOf(e, 'Could not retry the job. Try again.'));
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <dl aria-label="Jobs by state" className="flex flex-wrap gap-4 text-sm">
          {jobStates.map((state) => (
            <div key={state} className="flex gap-1">
              <dt className="text-muted">{stateLabels[state]}</dt>
              <dd className="font-semibold tabular-nums">{data.counts[state]}</dd>
            </div>
          ))}
        </dl>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => void refresh()}
          disabled={busy !== null}
        >
          {busy === 'refresh' ? 'Refreshing…' : 'Refresh'}
        </Button>
      </div>
      <FormAlert message={error} />
      {data.jobs.length === 0 ? (
        <p className="text-sm text-muted">Nothing pending, running or failed.</p>
      ) : (
        // relative: the sr-only header inside is positioned against the scroller, not the page
        // (an absolute box outside it widened a phone's page to 646 px).
        <div className="relative overflow-x-auto rounded-md border border-border">
          <table aria-label="Jobs" className="w-full text-left text-sm">
            <thead className="bg-surface-2 text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Job
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  State
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Attempts
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Runs at
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Last error
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {data.jobs.map((job) => (
                <tr key={job.id} className="align-top">
                  <td className="px-3 py-2">
                    <p id={`job-${job.id}`} className="font-medium">
                      {job.name}
                    </p>
                    <p className="font-mono text-xs text-muted">{job.id}</p>
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs text-muted">Payload</summary>
                      <pre className="mt-1 max-w-xs overflow-x-auto text-xs">
                        {JSON.stringify(job.payload, null, 2)}
                      </pre>
                    </details>
                  </td>
                  <td className="px-3 py-2">{stateLabels[job.state]}</td>
                  <td className="px-3 py-2 tabular-nums">
                    {job.attempts} of {job.maxAttempts}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={job.runAt}>{when(job.runAt)}</time>
                  </td>
                  <td className="max-w-md px-3 py-2 break-words text-xs">
                    {job.lastError ?? <span className="text-muted">None</span>}
                  </td>
                  <td className="px-3 py-2">
                    {job.state === 'failed' ? (
                      <Button
                        size="sm"
                        onClick={() => void retry(job)}
                        disabled={busy !== null}
                        aria-describedby={`job-${job.id}`}
                      >
                        {busy === job.id ? 'Retrying…' : 'Retry'}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
