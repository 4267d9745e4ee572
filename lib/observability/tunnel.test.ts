import { describe, expect, it } from 'vitest';

import { ApiError } from '@/lib/api/errors';

import { tunnelTarget } from './tunnel';

const DSN = 'https://abc123@o42.ingest.sentry.io/4501';
const envelope = (header: unknown) => `${JSON.stringify(header)}\n{"type":"event"}\n{}`;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  throw new Error('not refused');
}

describe('the Sentry tunnel', () => {
  it("forwards this deployment's envelopes to its project's ingest URL", () => {
    expect(tunnelTarget(envelope({ dsn: DSN }), DSN).href).toBe(
      'https://o42.ingest.sentry.io/api/4501/envelope/',
    );
  });

  it('refuses another DSN, so it is never an open relay', () => {
    expect(refusal(() => tunnelTarget(envelope({ dsn: 'https://k@evil.test/4501' }), DSN))).toBe(
      'forbidden',
    );
    expect(
      refusal(() =>
        tunnelTarget(envelope({ dsn: 'https://abc123@o42.ingest.sentry.io/9999' }), DSN),
      ),
    ).toBe('forbidden');
  });

  it('answers 4xx to what is not an envelope, and 404 when Sentry is off', () => {
    expect(refusal(() => tunnelTarget('not json at all', DSN))).toBe('bad_request');
    expect(refusal(() => tunnelTarget(envelope({ sent_at: 'x' }), DSN))).toBe('bad_request');
    expect(refusal(() => tunnelTarget(envelope({ dsn: DSN }), undefined))).toBe('not_found');
  });
});
