import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { POST as uploadAvatar } from '@/app/api/v1/me/avatar/route';
import { GET as getAvatar } from '@/app/api/v1/users/[id]/avatar/route';
import { uploadResponseSchema } from '@/lib/chat/wire';
import {
  fileForm,
  getRequest,
  makeImage,
  multipartRequest,
  signUpUser,
  withCookie,
  withParams,
} from '@/test/api';

import { GET as fetchUpload } from './[id]/route';
import { POST as upload } from './route';

/**
 * Dangerous files sent as attachments and as avatars: script in SVG, HTML and JavaScript under
 * image names and types, polyglots (an image with HTML or script appended or in its metadata),
 * pixel bombs, other formats, hostile file names. Each must be refused with a 4xx, or stored
 * only as a re-encoded WebP that holds none of the payload (served with nosniff). Never a 5xx.
 * The count it prints is the "dangerous uploads" figure in docs/SECURITY.md.
 */
const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const SCRIPT = '<script>alert(document.cookie)</script>';

/** A PNG whose header claims `width` × `height` (the pixels are never there). */
async function pixelBomb(width: number, height: number) {
  const png = await makeImage('png', { width: 8, height: 8 });
  const view = new DataView(png.buffer, png.byteOffset);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return png;
}

async function corpus(): Promise<
  { name: string; file: Uint8Array; filename: string; type: string }[]
> {
  const png = await makeImage('png');
  const jpeg = await makeImage('jpeg');
  const gif = await makeImage('gif');
  const withExif = new Uint8Array(
    await sharp(Buffer.from(jpeg))
      .withExif({ IFD0: { ImageDescription: SCRIPT, Artist: '"><img src=x onerror=alert(1)>' } })
      .toBuffer(),
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>`;
  return [
    { name: 'SVG with script', file: text(svg), filename: 'logo.svg', type: 'image/svg+xml' },
    { name: 'SVG named .png', file: text(svg), filename: 'logo.png', type: 'image/png' },
    {
      name: 'HTML named .png',
      file: text(`<!doctype html>${SCRIPT}`),
      filename: 'a.png',
      type: 'image/png',
    },
    {
      name: 'HTML as text/html',
      file: text(`<html>${SCRIPT}</html>`),
      filename: 'a.html',
      type: 'text/html',
    },
    {
      name: 'JavaScript named .gif',
      file: text('alert(1)//'),
      filename: 'a.gif',
      type: 'image/gif',
    },
    {
      name: 'GIF/JS polyglot',
      file: text('GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=alert(1)//;'),
      filename: 'p.gif',
      type: 'image/gif',
    },
    {
      name: 'PNG + appended HTML',
      file: concat(png, text(SCRIPT)),
      filename: 'p.png',
      type: 'image/png',
    },
    {
      name: 'JPEG + appended HTML',
      file: concat(jpeg, text(SCRIPT)),
      filename: 'p.jpg',
      type: 'image/jpeg',
    },
    {
      name: 'GIF + appended JS',
      file: concat(gif, text(';alert(1)//')),
      filename: 'p.gif',
      type: 'image/gif',
    },
    { name: 'JPEG with script in EXIF', file: withExif, filename: 'exif.jpg', type: 'image/jpeg' },
    { name: 'PNG declared text/html', file: png, filename: 'x.html', type: 'text/html' },
    {
      name: 'PNG pixel bomb 20k × 20k',
      file: await pixelBomb(20_000, 20_000),
      filename: 'bomb.png',
      type: 'image/png',
    },
    {
      name: 'PNG pixel bomb 65k × 65k',
      file: await pixelBomb(65_535, 65_535),
      filename: 'bomb.png',
      type: 'image/png',
    },
    {
      name: 'PNG 1 × 100k strip',
      file: await pixelBomb(1, 100_000),
      filename: 'strip.png',
      type: 'image/png',
    },
    {
      name: 'PDF named .jpg',
      file: text('%PDF-1.4\n1 0 obj<</JS(alert(1))>>endobj'),
      filename: 'a.jpg',
      type: 'image/jpeg',
    },
    {
      name: 'ELF named .webp',
      file: concat(text('\x7fELF\x02\x01\x01'), new Uint8Array(200)),
      filename: 'a.webp',
      type: 'image/webp',
    },
    {
      name: 'ZIP named .png',
      file: concat(text('PK\x03\x04'), new Uint8Array(200)),
      filename: 'a.png',
      type: 'image/png',
    },
    { name: 'truncated PNG', file: png.subarray(0, 40), filename: 'cut.png', type: 'image/png' },
    {
      name: 'path traversal name',
      file: png,
      filename: '../../../etc/passwd.png',
      type: 'image/png',
    },
    {
      name: 'NUL and RTL override in name',
      file: png,
      filename: 'a\u0000b\u202egnp.exe',
      type: 'image/png',
    },
    { name: 'HTML in the name', file: png, filename: `${SCRIPT}.png`, type: 'image/png' },
  ];
}

describe('dangerous uploads', () => {
  it('refuses each one or stores only a re-encoded WebP without the payload', async () => {
    const account = await signUpUser();
    const files = await corpus();
    const failures: string[] = [];
    let refused = 0;
    let reencoded = 0;
    const statuses: string[] = [];
    // Avatars are limited to 10 changes a minute per person: a fresh person every 10 files.
    let avatarOwner = account;
    for (const [index, { name, file, filename, type }] of files.entries())
      for (const [route, send] of [
        ['attachment', upload],
        ['avatar', uploadAvatar],
      ] as const) {
        const path = route === 'attachment' ? '/uploads' : '/me/avatar';
        if (route === 'avatar' && index > 0 && index % 10 === 0) avatarOwner = await signUpUser();
        const who = route === 'avatar' ? avatarOwner : account;
        const res = await send(
          multipartRequest(path, fileForm(file, { name: filename, type }), withCookie(who.cookie)),
        );
        const label = `${route}: ${name}`;
        // A 429 would be the rate limit answering, not the file being judged.
        if (res.status >= 500 || res.status === 429) failures.push(`${label}: ${res.status}`);
        else if (res.status >= 400) {
          refused++;
          statuses.push(`${route} ${res.status}`);
        } else {
          // Accepted: fetch what is served back and look for the payload in it.
          let served: Response;
          if (route === 'attachment') {
            const { upload: stored } = uploadResponseSchema.parse(await res.json());
            if (/[<>\u0000\u202e/\\]/.test(stored.name))
              failures.push(`${label}: name ${stored.name}`);
            served = await fetchUpload(
              getRequest(`/uploads/${stored.id}`, withCookie(account.cookie)),
              withParams({ id: stored.id }),
            );
          } else {
            served = await getAvatar(
              getRequest(`/users/${who.user.id}/avatar`, withCookie(account.cookie)),
              withParams({ id: who.user.id }),
            );
          }
          const bytes = Buffer.from(await served.arrayBuffer());
          if (served.headers.get('content-type') !== 'image/webp')
            failures.push(`${label}: served as ${served.headers.get('content-type')}`);
          if (served.headers.get('x-content-type-options') !== 'nosniff')
            failures.push(`${label}: served without nosniff`);
          if (bytes.subarray(8, 12).toString('latin1') !== 'WEBP')
            failures.push(`${label}: not a WebP`);
          if (/script|alert|onerror/i.test(bytes.toString('latin1')))
            failures.push(`${label}: payload survived re-encoding`);
          reencoded++;
        }
      }
    const tried = files.length * 2;
    console.log(
      `dangerous uploads: ${tried} tried (${files.length} files × attachment and avatar), ${refused} refused (${[...new Set(statuses)].sort().join(', ')}), ${reencoded} stored re-encoded, ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    expect(refused + reencoded).toBe(tried);
    expect(refused).toBeGreaterThan(20);
  }, 120_000);
});
