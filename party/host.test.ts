import { describe, expect, it } from 'vitest';

import { quietInfo } from './host';

describe("a room's LOG_LEVEL", () => {
  it('keeps the info lines by default and at info or debug', () => {
    for (const env of [{}, { LOG_LEVEL: 'info' }, { LOG_LEVEL: 'debug' }, { LOG_LEVEL: 1 }])
      expect(quietInfo(env)).toBe(false);
  });

  it('leaves them out at warn or quieter', () => {
    for (const level of ['warn', 'error', 'fatal', 'silent'])
      expect(quietInfo({ LOG_LEVEL: level })).toBe(true);
  });
});
