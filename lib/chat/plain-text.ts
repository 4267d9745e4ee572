const PREVIEW_LENGTH = 140;

/**
 * A message as one line of plain text, for the sidebar, the bell, pushes and emails: Markdown
 * marks dropped, whitespace collapsed, cut at a word near PREVIEW_LENGTH; "📷 Image" for a
 * message that is only pictures.
 */
export function plainPreview(message: { body: string; attachments: readonly unknown[] }): string {
  const text = message.body
    .replace(/```[\s\S]*?```/g, ' [code] ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_~`>#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return message.attachments.length ? '📷 Image' : '';
  if (text.length <= PREVIEW_LENGTH) return text;
  const cut = text.slice(0, PREVIEW_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > PREVIEW_LENGTH * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
