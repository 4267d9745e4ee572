// The Miniflare partykit dev gets (see partykit-host.mjs): the real one, listening on
// PARTYKIT_LISTEN_HOST instead of the 0.0.0.0 partykit asks for.
import { Miniflare as RealMiniflare } from 'miniflare';

export * from 'miniflare';

const host = process.env.PARTYKIT_LISTEN_HOST || '127.0.0.1';

export class Miniflare extends RealMiniflare {
  constructor(options) {
    super({ ...options, host });
  }

  setOptions(options) {
    return super.setOptions({ ...options, host });
  }
}
