import { ASSISTANT_NAME } from '@/lib/assistant/identity';

/**
 * Display names as people will see them next to messages. Stripped: control characters (NUL,
 * CR, LF, tabs...) and invisible format characters, which include the bidi overrides and
 * isolates (U+202A–202E, U+2066–2069) that make "txt.exe" read as "exe.txt", and zero-width
 * spaces. Kept: U+200D (zero-width joiner), which emoji sequences such as 👩‍💻 need.
 * Client-safe: the sign-up and profile forms run the same schema.
 */
// Cc, Cf (but not U+200D), line and paragraph separators.
const INVISIBLE = /(?!\u200d)[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function normaliseDisplayName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\t\n\r\v\f\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

// Letters that look like Latin ones, and digits that look like letters: "Раrlеy АI" in Cyrillic,
// "Parley A1" and "Parley Al" all read as the assistant.
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'l',
  ӏ: 'l',
  к: 'k',
  м: 'm',
  т: 't',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ι: 'l',
  ε: 'e',
  κ: 'k',
  υ: 'y',
  ν: 'v',
  '0': 'o',
  '1': 'l',
  '|': 'l',
  '!': 'l',
  i: 'l',
  ı: 'l',
  '@': 'a',
  $: 's',
  '3': 'e',
  '4': 'a',
};

/** A comparison key: compatibility forms folded, case and spacing ignored, look-alikes merged. */
export function nameSkeleton(name: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const ch of folded) {
    const mapped = CONFUSABLES[ch] ?? ch;
    if (/[\p{L}\p{N}]/u.test(mapped)) out += mapped;
  }
  return out;
}

const RESERVED = new Set([nameSkeleton(ASSISTANT_NAME)]);

/** Names only built-in participants may have. */
export const isReservedName = (name: string) => RESERVED.has(nameSkeleton(name));
