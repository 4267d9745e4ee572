import { Log, LogLevel } from 'miniflare';
import { describe, expect, it } from 'vitest';

import { hostOptions } from './miniflare-host.mjs';

describe('the Miniflare partykit dev gets', () => {
  it('listens on 127.0.0.1 whatever host partykit asks for', () => {
    expect(hostOptions({ host: '0.0.0.0', port: 1999 })).toMatchObject({
      host: '127.0.0.1',
      port: 1999,
    });
  });

  it('logs warnings and errors only, so a room request costs no callback into Node', () => {
    const options = hostOptions({ host: '0.0.0.0', log: new Log(LogLevel.VERBOSE) });
    expect(options.log).toBeInstanceOf(Log);
    expect(options.log.level).toBe(LogLevel.WARN);
  });
});
