import { describe, expect, it } from 'vitest';

import { formatIp, inRange, parseIp, parseRange } from './ip';

describe('parseIp', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['[::1]', '0:0:0:0:0:0:0:1'],
    ['2001:db8::1', '2001:db8:0:0:0:0:0:1'],
    ['fe80::1%eth0', 'fe80:0:0:0:0:0:0:1'],
  ])('reads %s', (text, canonical) => {
    const ip = parseIp(text);
    expect(ip).not.toBeNull();
    expect(formatIp(ip!)).toBe(canonical);
  });

  it.each([
    '',
    'local',
    '1.2.3',
    '256.1.1.1',
    '01.2.3.4',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    'evil.test',
    '1.2.3.4, 5.6.7.8',
  ])('refuses %s', (text) => {
    expect(parseIp(text)).toBeNull();
  });
});

describe('parseRange / inRange', () => {
  it('matches addresses inside a CIDR and a single address', () => {
    const net = parseRange('10.0.0.0/8')!;
    expect(inRange(parseIp('10.200.3.4')!, net)).toBe(true);
    expect(inRange(parseIp('11.0.0.1')!, net)).toBe(false);
    expect(inRange(parseIp('::ffff:10.1.1.1')!, net)).toBe(true);
    const one = parseRange('192.168.1.5')!;
    expect(inRange(parseIp('192.168.1.5')!, one)).toBe(true);
    expect(inRange(parseIp('192.168.1.6')!, one)).toBe(false);
    const v6 = parseRange('2001:db8::/32')!;
    expect(inRange(parseIp('2001:db8:ffff::1')!, v6)).toBe(true);
    expect(inRange(parseIp('2001:db9::1')!, v6)).toBe(false);
    expect(inRange(parseIp('1.2.3.4')!, v6)).toBe(false);
  });

  it.each(['10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/8/1', 'proxy.internal', '::/129'])(
    'refuses %s',
    (text) => {
      expect(parseRange(text)).toBeNull();
    },
  );
});
