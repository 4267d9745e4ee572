import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny Upstash Redis REST endpoint for tests: the commands the rate limiter sends (SET with
 * PX/NX, INCR, INCRBY, DECR, GET, PTTL, DEL), as single commands, /pipeline and /multi-exec, with the
 * `Upstash-Encoding: base64` answers @upstash/redis asks for. Time is injectable.
 */
export async function startFakeUpstashRedis(opts: { token: string; now?: () => number }) {
  const now = opts.now ?? Date.now;
  const data = new Map<string, { value: string; expiresAt: number | null }>();
  const requests: { path: string; commands: unknown[][] }[] = [];

  const live = (key: string) => {
    const entry = data.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= now()) data.delete(key);
    return data.get(key);
  };

  function run(command: unknown[]): unknown {
    const [name, key, ...args] = command.map(String);
    switch (name?.toUpperCase()) {
      case 'SET': {
        const upper = args.map((a) => a.toUpperCase());
        if (upper.includes('NX') && live(key!)) return null;
        const px = upper.indexOf('PX');
        data.set(key!, {
          value: args[0]!,
          expiresAt: px >= 0 ? now() + Number(args[px + 1]) : null,
        });
        return 'OK';
      }
      case 'INCR':
      case 'INCRBY':
      case 'DECR': {
        const entry = live(key!) ?? { value: '0', expiresAt: null };
        const by = { INCR: 1, INCRBY: Number(args[0]), DECR: -1 }[name.toUpperCase()] ?? 0;
        entry.value = String(Number(entry.value) + by);
        data.set(key!, entry);
        return Number(entry.value);
      }
      case 'GET':
        return live(key!)?.value ?? null;
      case 'PTTL': {
        const entry = live(key!);
        if (!entry) return -2;
        return entry.expiresAt === null ? -1 : entry.expiresAt - now();
      }
      case 'DEL':
        return data.delete(key!) ? 1 : 0;
      default:
        throw new Error(`ERR unknown command '${name}'`);
    }
  }

  const encode = (value: unknown, base64: boolean) =>
    base64 && typeof value === 'string' && value !== 'OK'
      ? Buffer.from(value).toString('base64')
      : value;

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.headers.authorization !== `Bearer ${opts.token}`) {
        res.statusCode = 401;
        res.end(JSON.stringify({ error: 'Unauthorized' }));
        return;
      }
      const base64 = req.headers['upstash-encoding'] === 'base64';
      const path = (req.url ?? '/').replace(/\/+$/, '') || '/';
      const body = JSON.parse(raw) as unknown[];
      const batch = path === '/pipeline' || path === '/multi-exec';
      const commands = (batch ? body : [body]) as unknown[][];
      requests.push({ path, commands });
      const answers = commands.map((c) => {
        try {
          return { result: encode(run(c), base64) };
        } catch (err) {
          return { error: (err as Error).message };
        }
      });
      res.end(JSON.stringify(batch ? answers : answers[0]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
