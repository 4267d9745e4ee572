/**
 * "Firefox on Linux" from a User-Agent header, for the list of signed-in devices. Only the
 * header, nothing looked up elsewhere; the order matters because browsers quote each other
 * (Edge says Chrome and Safari, Chrome says Safari).
 */
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//, 'curl'],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Windows/, 'Windows'],
  [/Linux/, 'Linux'],
];

export function describeUserAgent(ua: string | null | undefined): { browser: string; os: string } {
  const text = ua ?? '';
  return {
    browser: BROWSERS.find(([re]) => re.test(text))?.[1] ?? 'Unknown browser',
    os: SYSTEMS.find(([re]) => re.test(text))?.[1] ?? 'unknown system',
  };
}
