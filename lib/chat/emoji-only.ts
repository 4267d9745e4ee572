/**
 * Whether a message body is only a few emoji (and spaces), so the list shows it large, as Slack,
 * Discord and iMessage do. Counted in graphemes, so 👍🏽 or a family ZWJ sequence is one emoji.
 */
export const EMOJI_ONLY_MAX = 6;

const EMOJI_CHARS =
  /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200d\ufe0f\u20e3]|\s)+$/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

export function isEmojiOnly(body: string): boolean {
  const text = body.trim();
  if (!text || text.length > 64 || !EMOJI_CHARS.test(text)) return false;
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (/^\s+$/u.test(segment)) continue;
    if (!PICTOGRAPH.test(segment)) return false;
    if (++count > EMOJI_ONLY_MAX) return false;
  }
  return count > 0;
}
