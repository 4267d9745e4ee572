// Preloaded into Next.js by scripts/run.mjs (`node --import`). Next.js gives route handlers no
// way to learn the socket's address, and `next start` writes it into X-Forwarded-For only when
// the client sent none, so a client could pick its own address. This copies the socket's address
// into x-parley-peer-address on every request, overwriting whatever the client sent, and tells
// the app it may believe that header (lib/api/client-address.ts).
import http from 'node:http';
import https from 'node:https';

const HEADER = 'x-parley-peer-address';

function patch(Server) {
  const emit = Server.prototype.emit;
  if (emit.__parleyPeerAddress) return;
  const patched = function (event, req, ...rest) {
    if (event === 'request' && req && req.headers) {
      req.headers[HEADER] = (req.socket && req.socket.remoteAddress) || '';
    }
    return emit.call(this, event, req, ...rest);
  };
  patched.__parleyPeerAddress = true;
  Server.prototype.emit = patched;
}

patch(http.Server);
patch(https.Server);
process.env.PARLEY_PEER_ADDRESS_HEADER = '1';
