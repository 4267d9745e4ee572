import { describe, expect, it } from 'vitest';

import { clockTime, dateAndTime, dateTimeFormat } from './time-format';

describe('time formats', () => {
  const at = '2026-12-06T14:05:00.000Z';

  it('formats as toLocale*String does, for the reader', () => {
    const d = new Date(at);
    expect(clockTime(at)).toBe(d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    expect(dateAndTime(at)).toBe(d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }));
  });

  it('makes one formatter per locale and options, then reuses it', () => {
    const options = { weekday: 'long', timeZone: 'UTC' } as const;
    const first = dateTimeFormat(options, 'en-GB');
    expect(dateTimeFormat({ ...options }, 'en-GB')).toBe(first);
    expect(dateTimeFormat(options, 'de-DE')).not.toBe(first);
    expect(first.format(new Date(at))).toBe('Sunday');
  });
});
