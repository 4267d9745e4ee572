import { spawn } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseRange, type IpRange } from '@/lib/net/ip';

import {
  clientAddress,
  PEER_ADDRESS_HEADER,
  UNKNOWN_ADDRESS,
  type AddressPolicy,
} from './client-address';

const ranges = (...items: string[]): IpRange[] => items.map((i) => parseRange(i)!);
const policy = (over: Partial<AddressPolicy> = {}): AddressPolicy => ({
  trustedProxies: [],
  onVercel: false,
  peerHeader: true,
  ...over,
});
const h = (headers: Record<string, string>) => new Headers(headers);

describe('clientAddress', () => {
  it('ignores X-Forwarded-For without trusted proxies: the socket peer is the caller', () => {
    expect(
      clientAddress(
        h({ 'x-forwarded-for': '1.2.3.4', [PEER_ADDRESS_HEADER]: '203.0.113.9' }),
        policy(),
      ),
    ).toBe('203.0.113.9');
  });

  it('puts callers it cannot identify in one shared bucket, whatever they send', () => {
    const spoofed = h({
      'x-forwarded-for': '1.2.3.4',
      'x-real-ip': '5.6.7.8',
      [PEER_ADDRESS_HEADER]: '9.9.9.9',
    });
    expect(clientAddress(spoofed, policy({ peerHeader: false }))).toBe(UNKNOWN_ADDRESS);
  });

  it('believes X-Forwarded-For only as far as trusted proxies appended it', () => {
    const p = policy({ trustedProxies: ranges('10.0.0.0/8') });
    // The client wrote "1.1.1.1"; our proxy (10.0.0.2) appended the address it saw.
    const headers = h({
      'x-forwarded-for': '1.1.1.1, 198.51.100.7',
      [PEER_ADDRESS_HEADER]: '10.0.0.2',
    });
    expect(clientAddress(headers, p)).toBe('198.51.100.7');
    // Two trusted hops.
    expect(
      clientAddress(
        h({
          'x-forwarded-for': '1.1.1.1, 198.51.100.7, 10.0.0.9',
          [PEER_ADDRESS_HEADER]: '10.0.0.2',
        }),
        p,
      ),
    ).toBe('198.51.100.7');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    const p = policy({ trustedProxies: ranges('10.0.0.0/8') });
    expect(
      clientAddress(h({ 'x-forwarded-for': '10.0.0.5', [PEER_ADDRESS_HEADER]: '203.0.113.50' }), p),
    ).toBe('203.0.113.50');
  });

  it('normalises IPv4-mapped IPv6 so one machine has one key', () => {
    expect(clientAddress(h({ [PEER_ADDRESS_HEADER]: '::ffff:127.0.0.1' }), policy())).toBe(
      '127.0.0.1',
    );
  });

  it('an unreadable hop counts as unknown, never as a fresh key per request', () => {
    const p = policy({ trustedProxies: ranges('10.0.0.0/8') });
    expect(
      clientAddress(h({ 'x-forwarded-for': 'random-123', [PEER_ADDRESS_HEADER]: '10.0.0.2' }), p),
    ).toBe(UNKNOWN_ADDRESS);
  });

  it("on Vercel reads Vercel's own headers, not the client's", () => {
    const p = policy({ onVercel: true, peerHeader: false });
    expect(
      clientAddress(
        h({ 'x-vercel-forwarded-for': '198.51.100.1', 'x-forwarded-for': '1.1.1.1' }),
        p,
      ),
    ).toBe('198.51.100.1');
    expect(clientAddress(h({ 'x-real-ip': '198.51.100.2' }), p)).toBe('198.51.100.2');
    expect(clientAddress(h({ 'x-forwarded-for': '1.1.1.1' }), p)).toBe(UNKNOWN_ADDRESS);
  });
});

describe('scripts/peer-address.mjs', () => {
  it("overwrites a client's x-parley-peer-address with the socket's address", async () => {
    const preload = path.resolve('scripts/peer-address.mjs');
    const program = `
      const http = require('node:http');
      const server = http.createServer((req, res) => {
        res.end(JSON.stringify({ peer: req.headers['x-parley-peer-address'], xff: req.headers['x-forwarded-for'], flag: process.env.PARLEY_PEER_ADDRESS_HEADER }));
      });
      server.listen(0, '127.0.0.1', async () => {
        const res = await fetch('http://127.0.0.1:' + server.address().port, {
          headers: { 'x-parley-peer-address': '1.2.3.4', 'x-forwarded-for': '5.6.7.8' },
        });
        process.stdout.write(await res.text());
        server.close();
      });`;
    const child = spawn(process.execPath, ['--import', preload, '-e', program]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => child.on('exit', resolve));
    expect(JSON.parse(out)).toEqual({ peer: '127.0.0.1', xff: '5.6.7.8', flag: '1' });
  });
});
