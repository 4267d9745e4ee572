import 'server-only';

import type { NotificationKind } from '@/lib/db/types';
import { headline } from '@/lib/notifications/present';

/**
 * The digest email's words, from plain data (no store, no clock): a subject, a text part and an
 * HTML part listing every unread notification, grouped by conversation in the order they came.
 */
export type DigestEntry = {
  kind: NotificationKind;
  conversationId: string;
  /** The group's name, or the other person's for a DM. */
  conversationName: string;
  direct: boolean;
  actorName: string | null;
  preview: string;
  /** Absolute link to the message. */
  url: string;
};

export type DigestEmail = { subject: string; text: string; html: string };

type Group = { name: string; direct: boolean; entries: DigestEntry[] };

export function digestSubject(entries: DigestEntry[]): string {
  const [only] = entries;
  if (entries.length === 1 && only) {
    return headline({
      kind: only.kind,
      conversationName: only.conversationName,
      actor: only.actorName ? { id: '', name: only.actorName, image: null } : null,
    });
  }
  return `${entries.length} unread messages in Parley`;
}

function what(entry: DigestEntry): string {
  const who = entry.actorName ?? 'Someone';
  if (entry.kind === 'mention') return `${who} mentioned you`;
  if (entry.kind === 'reply') return `${who} replied to you`;
  return who;
}

function groupByConversation(entries: DigestEntry[]): Group[] {
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const group = groups.get(entry.conversationId) ?? {
      name: entry.conversationName,
      direct: entry.direct,
      entries: [],
    };
    group.entries.push(entry);
    groups.set(entry.conversationId, group);
  }
  return [...groups.values()];
}

const groupTitle = (g: Group) => (g.direct ? `${g.name} (direct message)` : g.name);

export function buildDigestEmail(input: {
  recipientName: string;
  entries: DigestEntry[];
  appUrl: string;
  settingsUrl: string;
  unsubscribeUrl: string;
}): DigestEmail {
  const { entries } = input;
  const groups = groupByConversation(entries);
  const count = entries.length === 1 ? 'an unread message' : `${entries.length} unread messages`;
  const intro = `You have ${count} in Parley since we last wrote.`;
  const footer = 'You get these emails because email digests are on in your Parley settings.';

  const text = [
    `Hi ${input.recipientName},`,
    '',
    intro,
    '',
    ...groups.flatMap((g) => [
      groupTitle(g),
      ...g.entries.flatMap((e) => [`- ${what(e)}: “${e.preview}”`, `  ${e.url}`]),
      '',
    ]),
    `Open Parley: ${input.appUrl}`,
    '',
    '--',
    footer,
    `Unsubscribe from these emails: ${input.unsubscribeUrl}`,
    `Or change them in Settings: ${input.settingsUrl}`,
    '',
  ].join('\n');

  const h = escapeHtml;
  const link = (href: string, label: string) =>
    `<a href="${h(href)}" style="color:#2563eb">${h(label)}</a>`;
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;line-height:1.5">',
    `<p>Hi ${h(input.recipientName)},</p>`,
    `<p>${h(intro)}</p>`,
    ...groups.map(
      (g) =>
        `<h2 style="font-size:16px;margin:20px 0 8px">${h(groupTitle(g))}</h2><ul style="padding-left:20px;margin:0">` +
        g.entries
          .map(
            (e) =>
              `<li style="margin-bottom:8px"><strong>${h(what(e))}</strong>: “${h(e.preview)}” ${link(e.url, 'Open')}</li>`,
          )
          .join('') +
        '</ul>',
    ),
    `<p style="margin-top:24px">${link(input.appUrl, 'Open Parley')}</p>`,
    `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px">`,
    `<p style="font-size:12px;color:#666">${h(footer)} ${link(input.unsubscribeUrl, 'Unsubscribe')} · ${link(input.settingsUrl, 'Settings')}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject: digestSubject(entries), text, html };
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
