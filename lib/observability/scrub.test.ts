import { describe, expect, it } from 'vitest';

import { scrubEvent, scrubString } from './scrub';

const secrets = {
  email: 'ana@example.com',
  message: 'meet me at the old mill at nine',
  cookie: 'next-auth.session-token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzEifQ.c2lnbmF0dXJl',
  apiToken: 'plk_abcdefghijklmnopqrstuvwxyz012345',
  bearer: 'Bearer s3cr3t-t0ken-value',
};

describe('scrubEvent', () => {
  it('keeps the person id and request id, drops text, emails, tokens and cookies', () => {
    const event = {
      event_id: 'e1',
      message: `Failed for ${secrets.email} with ${secrets.apiToken}`,
      user: { id: 'u_123', email: secrets.email, ip_address: '203.0.113.9', username: 'ana' },
      tags: { request_id: 'req-abcdef12', trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' },
      request: {
        url: `https://parley.test/api/v1/conversations/c_1/messages?token=${secrets.apiToken}`,
        method: 'POST',
        cookies: { 'next-auth.session-token': secrets.cookie },
        headers: { cookie: secrets.cookie, authorization: secrets.bearer, 'user-agent': 'UA' },
        data: { body: secrets.message, clientId: 'x' },
        query_string: `token=${secrets.apiToken}`,
      },
      extra: {
        body: secrets.message,
        note: `call ${secrets.bearer}`,
        nested: { text: secrets.message },
      },
      breadcrumbs: [
        { category: 'fetch', data: { url: '/api/v1/x', body: secrets.message } },
        { category: 'console', message: `signed in as ${secrets.email}` },
      ],
      exception: {
        values: [{ type: 'Error', value: `jwt ${secrets.cookie.split('=')[1]} rejected` }],
      },
    };
    const scrubbed = scrubEvent(event);
    const text = JSON.stringify(scrubbed);
    for (const [what, value] of Object.entries(secrets)) {
      expect(text, what).not.toContain(what === 'bearer' ? 's3cr3t-t0ken-value' : value);
    }
    expect(text).not.toContain('eyJ');
    expect(text).not.toContain('203.0.113.9');
    expect(scrubbed.user).toEqual({ id: 'u_123' });
    expect(scrubbed.tags).toEqual(event.tags);
    expect(scrubbed.request).toEqual({
      url: 'https://parley.test/api/v1/conversations/c_1/messages',
      method: 'POST',
      headers: { cookie: '[removed]', authorization: '[removed]', 'user-agent': 'UA' },
    });
    expect(JSON.stringify(scrubbed.exception)).toContain('jwt [token] rejected');
  });

  it('masks tokens and emails inside free text', () => {
    expect(scrubString(`to ${secrets.email}: ${secrets.bearer} ${secrets.apiToken}`)).toBe(
      'to [email]: Bearer [token] [token]',
    );
  });
});
