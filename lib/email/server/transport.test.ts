import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { decodeWords, parseEml } from '../eml';
import { listOutbox, readOutboxEmail } from './outbox';
import { createEmailTransport, getEmailTransport, outboxDir } from './transport';

const FROM = 'Parley <no-reply@parley.invalid>';
const freshDir = () => mkdtempSync(path.join(tmpdir(), 'parley-outbox-'));

const message = {
  to: { name: 'Zoë Ünïcode', address: 'zoe@example.com' },
  subject:
    'Ana mentioned you in Design — “quotes” and a subject long enough to be folded over lines',
  text: `Hello Zoë,\n\n${'A long line that nodemailer wraps with soft breaks. '.repeat(4)}\nhttps://parley.test/chats/c1?message=m1&x=1\n`,
  html: '<p>Hello <b>Zoë</b> &amp; <a href="https://parley.test/chats/c1?message=m1&amp;x=1">open</a></p>',
  headers: {
    'List-Unsubscribe': `<https://parley.test/api/email/unsubscribe?token=${'t'.repeat(150)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
};

describe('outbox transport', () => {
  it('writes one RFC 5322 .eml file per message that parses back to what was sent', async () => {
    const dir = freshDir();
    const transport = createEmailTransport({ outboxDir: dir, from: FROM });
    expect(transport.kind).toBe('outbox');
    const sent = await transport.send(message);

    expect(sent.transport).toBe('outbox');
    expect(readdirSync(dir)).toEqual([path.basename(sent.file!)]);
    expect(path.basename(sent.file!)).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[0-9a-f]{8}\.eml$/,
    );

    const raw = readFileSync(sent.file!);
    expect(raw.toString().replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF only
    const email = parseEml(raw);
    expect(email.from).toBe(FROM);
    expect(email.to).toBe('Zoë Ünïcode <zoe@example.com>');
    expect(email.subject).toBe(message.subject);
    expect(email.text).toBe(message.text);
    expect(email.html).toBe(message.html);
    expect(email.headers['list-unsubscribe']).toBe(message.headers['List-Unsubscribe']);
    expect(email.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(email.headers['message-id']).toBe(sent.messageId);
    expect(Math.abs(email.date!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('reads base64 parts (nodemailer picks base64 for mostly non-Latin text)', async () => {
    const dir = freshDir();
    const text = 'こんにちは、世界。'.repeat(20);
    const sent = await createEmailTransport({ outboxDir: dir, from: FROM }).send({
      to: 'a@example.com',
      subject: '日本語の件名',
      text,
    });
    const raw = readFileSync(sent.file!, 'utf8');
    expect(raw).toMatch(/Content-Transfer-Encoding: base64/i);
    const email = parseEml(raw);
    expect(email).toMatchObject({ subject: '日本語の件名', text, html: null });
  });

  it('uses the outbox under PARLEY_DATA_DIR when SMTP_URL is not set', () => {
    expect(getEmailTransport().kind).toBe('outbox');
    expect(outboxDir()).toBe(path.join(process.env.PARLEY_DATA_DIR!, 'outbox'));
  });
});

describe('listOutbox and readOutboxEmail', () => {
  it('lists messages newest first, up to the limit, skipping other files', async () => {
    const dir = freshDir();
    const transport = createEmailTransport({ outboxDir: dir, from: FROM });
    for (const subject of ['first', 'second', 'third']) {
      await transport.send({ to: 'a@example.com', subject, text: subject });
      await new Promise((r) => setTimeout(r, 5)); // distinct millisecond stamps
    }
    writeFileSync(path.join(dir, 'notes.txt'), 'not an email');
    writeFileSync(path.join(dir, 'bad name!.eml'), 'Subject: nope\n\n');

    const entries = await listOutbox({ dir, limit: 2 });
    expect(entries.map((e) => e.subject)).toEqual(['third', 'second']);
    expect(entries[0]).toMatchObject({ from: FROM, to: 'a@example.com', date: expect.any(Date) });
    expect((await readOutboxEmail({ dir, id: entries[0]!.id }))?.text).toBe('third');
  });

  it('answers an empty list for a missing folder and null for unknown or unsafe ids', async () => {
    const dir = freshDir();
    expect(await listOutbox({ dir: path.join(dir, 'missing'), limit: 10 })).toEqual([]);
    expect(await readOutboxEmail({ dir, id: 'nope' })).toBeNull();
    writeFileSync(path.join(dir, '..', 'secret.eml'), 'Subject: secret\n\n');
    expect(await readOutboxEmail({ dir, id: '../secret' })).toBeNull();
    expect(await readOutboxEmail({ dir, id: '..%2Fsecret' })).toBeNull();
  });
});

describe('decodeWords', () => {
  it('joins adjacent encoded words, even with a character split between them', () => {
    // "ë" is C3 AB: split across two words.
    expect(decodeWords('=?UTF-8?Q?Zo=C3?= =?UTF-8?Q?=AB_and?= =?UTF-8?B?w7w=?= plain')).toBe(
      'Zoë andü plain',
    );
  });

  it('keeps text between an encoded word and plain words', () => {
    expect(decodeWords('Re: =?UTF-8?Q?caf=C3=A9?= time')).toBe('Re: café time');
  });
});

describe('SMTP transport', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  /** Just enough SMTP (RFC 5321) for nodemailer: greeting, EHLO, MAIL, RCPT, DATA, QUIT. */
  async function startFakeSmtp() {
    const received: { from: string; to: string[]; data: string }[] = [];
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      let buffer = '';
      let inData = false;
      let current = { from: '', to: [] as string[], data: '' };
      const reply = (line: string) => socket.write(`${line}\r\n`);
      reply('220 fake.smtp ESMTP');
      socket.on('data', (chunk) => {
        buffer += chunk.toString('latin1');
        let nl: number;
        while ((nl = buffer.indexOf('\r\n')) !== -1) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 2);
          if (inData) {
            if (line === '.') {
              inData = false;
              received.push(current);
              current = { from: '', to: [], data: '' };
              reply('250 2.0.0 queued');
            } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          } else if (/^(EHLO|HELO)/i.test(line)) reply('250 fake.smtp');
          else if (/^MAIL FROM:/i.test(line)) {
            current.from = /<(.*)>/.exec(line)?.[1] ?? '';
            reply('250 2.1.0 ok');
          } else if (/^RCPT TO:/i.test(line)) {
            current.to.push(/<(.*)>/.exec(line)?.[1] ?? '');
            reply('250 2.1.5 ok');
          } else if (/^DATA/i.test(line)) {
            inData = true;
            reply('354 go ahead');
          } else if (/^QUIT/i.test(line)) {
            reply('221 bye');
            socket.end();
          } else reply('250 ok');
        }
      });
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    close = () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      });
    const port = (server.address() as { port: number }).port;
    return { url: `smtp://127.0.0.1:${port}`, received };
  }

  it('sends through SMTP_URL with the same message the outbox would hold', async () => {
    const smtp = await startFakeSmtp();
    const dir = freshDir();
    const transport = createEmailTransport({ smtpUrl: smtp.url, outboxDir: dir, from: FROM });
    expect(transport.kind).toBe('smtp');
    const sent = await transport.send(message);
    expect(sent).toEqual({ transport: 'smtp', messageId: expect.stringMatching(/^<.+>$/) });
    expect(readdirSync(dir)).toEqual([]);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail).toMatchObject({ from: 'no-reply@parley.invalid', to: ['zoe@example.com'] });
    const email = parseEml(mail!.data);
    expect(email).toMatchObject({
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
    expect(email.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  });
});
