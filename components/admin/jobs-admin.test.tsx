import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { JobWire } from '@/lib/jobs/wire';

import { JobsAdmin } from './jobs-admin';

const job = (over: Partial<JobWire>): JobWire => ({
  id: 'job_1',
  name: 'notify-message',
  state: 'pending',
  dispatcher: 'local',
  attempts: 0,
  maxAttempts: 5,
  runAt: '2030-01-02T03:04:05.000Z',
  lastError: null,
  payload: { messageId: 'm_1' },
  createdAt: '2030-01-02T03:04:05.000Z',
  updatedAt: '2030-01-02T03:04:05.000Z',
  finishedAt: null,
  ...over,
});

const counts = { pending: 1, running: 0, succeeded: 12, failed: 1 };

describe('JobsAdmin', () => {
  it('shows the counts and a table with a Retry button for failed jobs only', () => {
    const html = renderToStaticMarkup(
      <JobsAdmin
        initial={{
          jobs: [
            job({ id: 'job_p' }),
            job({
              id: 'job_f',
              name: 'assistant-reply',
              state: 'failed',
              attempts: 3,
              maxAttempts: 3,
              lastError: 'Error: provider <down>',
            }),
          ],
          counts,
        }}
      />,
    );
    expect(html).toContain('aria-label="Jobs by state"');
    expect(html).toMatch(/<dt[^>]*>Succeeded<\/dt><dd[^>]*>12<\/dd>/);
    expect(html).toContain('<table aria-label="Jobs"');
    expect(html.match(/>Retry<\/button>/g)).toHaveLength(1);
    expect(html).toContain('aria-describedby="job-job_f"');
    expect(html).toContain('3 of 3');
    expect(html).toContain('Error: provider &lt;down&gt;');
    expect(html).toContain(
      '<time dateTime="2030-01-02T03:04:05.000Z">2030-01-02 03:04:05 UTC</time>',
    );
    expect(html).toContain('&quot;messageId&quot;: &quot;m_1&quot;');
    expect(html).toContain('>Refresh</button>');
  });

  it('says so when nothing needs attention', () => {
    const html = renderToStaticMarkup(<JobsAdmin initial={{ jobs: [], counts }} />);
    expect(html).toContain('Nothing pending, running or failed.');
    expect(html).not.toContain('<table');
  });
});
