// The Miniflare partykit dev gets (see partykit-host.mjs): the real one, with two changes.
// - It listens on PARTYKIT_LISTEN_HOST instead of the 0.0.0.0 partykit asks for.
// - It logs warnings and errors only. partykit asks for every level, and at INFO Miniflare's entry
//   worker logs each request by calling back into this Node process over HTTP (`/core/log`),
//   which partykit then draws through its terminal UI: under load that was a room-to-Node request
//   and a redraw per room request, more CPU than the room's own work (#18). PARTYKIT_REQUEST_LOG=1
//   brings the request lines back. The rooms' own JSON lines (console.log) are not affected.
import { Log, LogLevel, Miniflare as RealMiniflare } from 'miniflare';

export * from 'miniflare';

const host = process.env.PARTYKIT_LISTEN_HOST || '127.0.0.1';
const requestLog = process.env.PARTYKIT_REQUEST_LOG === '1';

/** The options partykit passes, with ours in place of its host and (unless asked) its log. */
export function hostOptions(options) {
  if (requestLog) return { ...options, host };
  return { ...options, host, log: new Log(LogLevel.WARN, { prefix: 'pk' }) };
}

export class Miniflare extends RealMiniflare {
  constructor(options) {
    super(hostOptions(options));
  }

  setOptions(options) {
    return super.setOptions(hostOptions(options));
  }
}
