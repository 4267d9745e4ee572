'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';

import { FormAlert } from '@/components/auth/form-alert';
import { Button } from '@/components/ui/button';
import { ApiClientError, callEndpoint } from '@/lib/api/client';
import { reportBrowserError } from '@/lib/observability/client/report';
import { getOperationsEndpoint, sendTestErrorEndpoint } from '@/lib/operations/endpoints';
import type { Operations, TestErrorResult } from '@/lib/operations/wire';

// The chart library loads with the first chart, never with the page's own bundle.
const MinuteChart = dynamic(() => import('./minute-chart').then((m) => m.MinuteChart), {
  ssr: false,
});

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const toMs = (seconds: number | null) => (seconds === null ? null : seconds * 1000);
const ms = (seconds: number | null) =>
  seconds === null ? '–' : `${Math.round(seconds * 1000)} ms`;

function Panel({
  title,
  summary,
  children,
}: {
  title: string;
  summary: string;
  children?: React.ReactNode;
}) {
  return (
    <section aria-label={title} className="rounded-lg border border-border p-4">
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="text-sm text-muted">{summary}</p>
      {children}
    </section>
  );
}

/** The operations page: the last hour, 30 days of usage, breakers, and "Send test error". */
export function OperationsPage({ initial }: { initial: Operations }) {
  const [data, setData] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<TestErrorResult | null>(null);
  const [busy, setBusy] = useState(false);

  const hour = data.lastHour;
  const times = hour.map((p) => p.at / 1000);
  const requests = sum(hour.map((p) => p.requests));
  const errors = sum(hour.map((p) => p.errors));
  const messages = sum(hour.map((p) => p.messages));
  const deliveries = sum(hour.map((p) => p.deliveries));
  const latestSockets = [...hour].reverse().find((p) => p.sockets !== null)?.sockets ?? null;
  const latest95 = [...hour].reverse().find((p) => p.latencyP95 !== null)?.latencyP95 ?? null;
  const latestPublish = [...hour].reverse().find((p) => p.publishP99 !== null) ?? null;
  const latestAi = [...hour].reverse().find((p) => p.aiP95 !== null)?.aiP95 ?? null;
  const open = Object.entries(data.breakers).filter(([, b]) => b.status !== 'closed');

  async function refresh() {
    setError(null);
    try {
      setData(await callEndpoint(getOperationsEndpoint));
    } catch (e) {
      setError(e instanceof ApiClientError ? e.message : 'Could not load the figures. Try again.');
    }
  }

  async function sendTestError() {
    setBusy(true);
    setError(null);
    try {
      setSent(await callEndpoint(sendTestErrorEndpoint));
    } catch (e) {
      setError(e instanceof ApiClientError ? e.message : 'Could not send the test error.');
    } finally {
      setBusy(false);
    }
    // A browser error too, reported through /api/monitoring (it waits for the browser SDK, which
    // loads once the page has settled).
    reportBrowserError(
      new Error('Parley test error from the browser (Send test error, operations page)'),
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" onClick={() => void refresh()}>
          Refresh
        </Button>
        <Button type="button" onClick={() => void sendTestError()} disabled={busy}>
          Send test error
        </Button>
      </div>
      <FormAlert message={error} />
      <p role="status" className="text-sm">
        {sent
          ? sent.sentToSentry
            ? `Test error sent to Sentry (request id ${sent.requestId}).${sent.roomAsked ? ' A room was asked to fail too.' : ''}`
            : `Sentry is not configured on the server (set SENTRY_DSN); the test error (request id ${sent.requestId}) is only in the logs.`
          : data.sentry.server
            ? 'Sentry is configured on the server.'
            : 'Sentry is not configured on the server (set SENTRY_DSN).'}
      </p>

      <div className="grid gap-4 md:grid-cols-2">
        <Panel
          title="Requests"
          summary={`${requests} requests in the last hour, ${errors} errors (${requests ? ((errors / requests) * 100).toFixed(1) : '0.0'} % error rate).`}
        >
          <MinuteChart
            times={times}
            series={[
              { label: 'Requests', values: hour.map((p) => p.requests), color: '#2563eb' },
              { label: 'Errors', values: hour.map((p) => p.errors), color: '#dc2626' },
            ]}
          />
        </Panel>
        <Panel
          title="Latency"
          summary={`Request p95 in the latest minute with requests: ${ms(latest95)}. Send → rooms p50 / p99: ${ms(latestPublish?.publishP50 ?? null)} / ${ms(latestPublish?.publishP99 ?? null)}.`}
        >
          <MinuteChart
            times={times}
            series={[
              {
                label: 'Request p95 (ms)',
                values: hour.map((p) => toMs(p.latencyP95)),
                color: '#7c3aed',
              },
              {
                label: 'Send → rooms p50 (ms)',
                values: hour.map((p) => toMs(p.publishP50)),
                color: '#059669',
              },
              {
                label: 'Send → rooms p99 (ms)',
                values: hour.map((p) => toMs(p.publishP99)),
                color: '#ca8a04',
              },
            ]}
          />
        </Panel>
        <Panel
          title="AI"
          summary={`Parley AI's provider answered in ${ms(latestAi)} (p95, latest minute with a request).`}
        >
          <MinuteChart
            times={times}
            series={[
              { label: 'AI p95 (ms)', values: hour.map((p) => toMs(p.aiP95)), color: '#db2777' },
            ]}
          />
        </Panel>
        <Panel title="Messages" summary={`${messages} messages sent in the last hour.`}>
          <MinuteChart
            times={times}
            series={[{ label: 'Messages', values: hour.map((p) => p.messages), color: '#0891b2' }]}
          />
        </Panel>
        <Panel
          title="Realtime"
          summary={`${latestSockets === null ? 'Connected sockets unknown (the rooms did not answer)' : `${latestSockets} sockets connected (one per open tab)`}; ${deliveries} event deliveries to sockets in the last hour.`}
        >
          <MinuteChart
            times={times}
            series={[
              { label: 'Sockets', values: hour.map((p) => p.sockets), color: '#0d9488' },
              { label: 'Deliveries', values: hour.map((p) => p.deliveries), color: '#ea580c' },
            ]}
          />
        </Panel>
        <Panel
          title="Jobs"
          summary={`${data.jobs.pending} pending, ${data.jobs.running} running, ${data.jobs.failed} failed; oldest due job waiting ${Math.round(data.jobs.oldestDueSeconds)} s.`}
        >
          <MinuteChart
            times={times}
            series={[
              { label: 'Succeeded', values: hour.map((p) => p.jobsSucceeded), color: '#16a34a' },
              { label: 'Failed', values: hour.map((p) => p.jobsFailed), color: '#dc2626' },
              { label: 'Waiting', values: hour.map((p) => p.jobsPending), color: '#9333ea' },
            ]}
          />
        </Panel>
      </div>

      <Panel
        title="Circuit breakers"
        summary={
          open.length === 0
            ? 'All closed: every outside dependency answers.'
            : `Open: ${open.map(([d]) => d).join(', ')}.`
        }
      >
        <ul className="mt-2 grid grid-cols-2 gap-1 text-sm sm:grid-cols-3">
          {Object.entries(data.breakers).map(([dependency, b]) => (
            <li key={dependency}>
              <span className="font-medium">{dependency}</span>: {b.status}
              {b.retryAt ? ` (probes at ${b.retryAt.slice(11, 19)} UTC)` : ''}
            </li>
          ))}
        </ul>
      </Panel>

      <Panel
        title="Usage, last 30 days"
        summary={`${sum(data.usage.map((d) => d.messages))} messages, ${sum(data.usage.map((d) => d.aiReplies))} Parley AI replies and ${sum(data.usage.map((d) => d.calls))} calls (${Math.round(sum(data.usage.map((d) => d.callMinutes)))} call minutes) on ${data.usage.length} active days.`}
      >
        {data.usage.length > 0 && (
          <MinuteChart
            times={data.usage.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000)}
            series={[
              {
                label: 'Messages per day',
                values: data.usage.map((d) => d.messages),
                color: '#0891b2',
              },
              { label: 'People active', values: data.usage.map((d) => d.people), color: '#ea580c' },
              { label: 'AI replies', values: data.usage.map((d) => d.aiReplies), color: '#db2777' },
              { label: 'Calls', values: data.usage.map((d) => d.calls), color: '#16a34a' },
              {
                label: 'Call minutes',
                values: data.usage.map((d) => d.callMinutes),
                color: '#9333ea',
              },
            ]}
          />
        )}
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Messages, active people, AI replies, calls and call minutes per day
            </caption>
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col">Messages</th>
                <th scope="col">People active</th>
                <th scope="col">AI replies</th>
                <th scope="col">Calls</th>
                <th scope="col">Call minutes</th>
              </tr>
            </thead>
            <tbody>
              {data.usage.map((d) => (
                <tr key={d.day}>
                  <td>{d.day}</td>
                  <td>{d.messages}</td>
                  <td>{d.people}</td>
                  <td>{d.aiReplies}</td>
                  <td>{d.calls}</td>
                  <td>{d.callMinutes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </div>
  );
}
