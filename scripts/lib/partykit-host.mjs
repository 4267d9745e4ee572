// Preloaded into `partykit dev` (node --import): partykit 0.0.115 hard-codes `host: "0.0.0.0"`
// for its Miniflare server, so the realtime rooms would listen on every interface. This hook
// hands partykit a Miniflare whose options always carry PARTYKIT_LISTEN_HOST (127.0.0.1 unless
// HOST says otherwise).
import { register } from 'node:module';

register('./partykit-host-hooks.mjs', import.meta.url);
