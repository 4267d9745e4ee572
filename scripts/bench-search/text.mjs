// The benchmark's deterministic text: a seeded generator, a Zipf-like vocabulary (with
// diacritics), stock words and phrases, rare words and Japanese sentences. One module instance, so
// every draw (vocabulary, messages, searches, sends) comes from the same sequence as before.

let seed = 42;
export const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
export const pick = (list) => list[Math.floor(random() * list.length)];

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ten',
  'dor',
  'ble',
  'qu',
  'zo',
  'vin',
  'sé',
  'mü',
  'an',
  'et',
  'por',
];
const VOCAB = Array.from({ length: 5000 }, () => {
  let w = '';
  const n = 2 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) w += pick(SYLLABLES);
  return w;
});
export const COMMON = [
  'meeting',
  'today',
  'thanks',
  'please',
  'tomorrow',
  'review',
  'lunch',
  'café',
];
export const RARE = Array.from({ length: 100 }, (_, i) => `xylograph${i}`);
export const JAPANESE = [
  '東京タワーに行った',
  '明日の会議は十時からです',
  '新しいプロジェクトの資料を送ります',
  '大阪で美味しいラーメンを食べた',
  'よろしくお願いします',
  '京都の紅葉がきれいでした',
];
/** Zipf-like: low indexes far more often. */
export const zipfWord = () => VOCAB[Math.floor(VOCAB.length * random() ** 3)];

export function messageText() {
  const r = random();
  if (r < 0.05) return `${pick(JAPANESE)} ${zipfWord()}`;
  const words = [];
  const n = 4 + Math.floor(random() * 12);
  for (let i = 0; i < n; i++) words.push(random() < 0.12 ? pick(COMMON) : zipfWord());
  if (r < 0.06) words.splice(1, 0, 'lunch', 'at', 'noon');
  if (random() < 0.0001 * RARE.length) words.push(pick(RARE));
  return words.join(' ');
}
