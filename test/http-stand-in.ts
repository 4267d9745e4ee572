import { createServer, type IncomingHttpHeaders } from 'node:http';

import { freePort } from './partykit';

/** A request as the stand-in received it, body read whole. */
export type StandInRequest = {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The caller's port: the same one across requests means a kept connection. */
  remotePort: number | undefined;
};

/** What the stand-in answers: a status with JSON or text, a dropped connection, or nothing. */
export type StandInAnswer = { status: number; json?: unknown; text?: string } | 'hang up' | 'hold';

export type StandIn = { host: string; url: string; close: () => void };

/**
 * A real HTTP server on a free 127.0.0.1 port, for tests of code that calls another service
 * (PartyKit rooms, an OTLP receiver): each request is read whole and answered with what
 * `respond` returns.
 */
export async function startStandIn(
  respond: (req: StandInRequest) => StandInAnswer | Promise<StandInAnswer>,
): Promise<StandIn> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: StandInRequest = {
        path: req.url ?? '',
        method: req.method ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        remotePort: req.socket.remotePort,
      };
      void Promise.resolve(respond(request)).then((answer) => {
        if (answer === 'hold') return;
        if (answer === 'hang up') return void req.socket.destroy();
        res
          .writeHead(answer.status, { 'content-type': 'application/json' })
          .end(answer.text ?? JSON.stringify(answer.json ?? null));
      });
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
