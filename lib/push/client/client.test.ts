import { createECDH } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { base64urlToBytes, pushSupport } from './client';

describe('pushSupport', () => {
  const full = (permission: NotificationPermission) => ({
    navigator: { serviceWorker: {} },
    PushManager: class {},
    Notification: { permission },
  });

  it('is supported with a service worker container, PushManager and Notification', () => {
    expect(pushSupport(full('default'))).toBe('supported');
    expect(pushSupport(full('granted'))).toBe('supported');
  });

  it('is blocked when the person denied notifications for the site', () => {
    expect(pushSupport(full('denied'))).toBe('blocked');
  });

  it.each([
    ['no service worker (an insecure origin)', { ...full('default'), navigator: {} }],
    ['no PushManager', { ...full('default'), PushManager: undefined }],
    [
      'no Notification (iOS outside a home-screen app)',
      { ...full('default'), Notification: undefined },
    ],
    ['no window at all (the server)', undefined],
  ])('is unsupported with %s', (_, globals) => {
    expect(pushSupport(globals)).toBe('unsupported');
  });

  it('is unsupported in this Node process, which has no service workers', () => {
    expect(pushSupport()).toBe('unsupported');
  });
});

describe('base64urlToBytes', () => {
  it('decodes a VAPID public key to the 65 bytes of the P-256 point', () => {
    const ecdh = createECDH('prime256v1');
    const point = ecdh.generateKeys();
    expect(Buffer.from(base64urlToBytes(point.toString('base64url')))).toEqual(point);
  });

  it('decodes unpadded input of every length', () => {
    for (const bytes of [[1], [1, 2], [1, 2, 3], [251, 255, 254]]) {
      const encoded = Buffer.from(bytes).toString('base64url');
      expect([...base64urlToBytes(encoded)]).toEqual(bytes);
    }
  });
});
