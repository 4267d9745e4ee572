import { describe, expect, it } from 'vitest';

import { usageByDay } from './overview';

describe('usageByDay', () => {
  it('joins messages and calls into one row a day, oldest first, zeros where one is missing', () => {
    expect(
      usageByDay(
        [
          { day: '2026-12-02', messages: 5, people: 2, aiReplies: 1 },
          { day: '2026-12-01', messages: 3, people: 1, aiReplies: 0 },
        ],
        [
          { day: '2026-12-02', calls: 2, callMinutes: 12.5 },
          { day: '2026-12-03', calls: 1, callMinutes: 0 },
        ],
      ),
    ).toEqual([
      { day: '2026-12-01', messages: 3, people: 1, aiReplies: 0, calls: 0, callMinutes: 0 },
      { day: '2026-12-02', messages: 5, people: 2, aiReplies: 1, calls: 2, callMinutes: 12.5 },
      { day: '2026-12-03', messages: 0, people: 0, aiReplies: 0, calls: 1, callMinutes: 0 },
    ]);
  });
});
