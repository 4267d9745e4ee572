// Dates and times as people read them, through Intl formatters made once. `toLocaleTimeString`
// with options builds a new Intl.DateTimeFormat on every call (about 0.1–0.5 ms in Chromium): the
// message list called it for every row on every new message, about a quarter of the receiving
// page's main-thread time (#18, bench:browser --profile).

const formats = new Map<string, Intl.DateTimeFormat>();

/** The formatter for `options` in `locale` (the reader's when undefined), made on first use. */
export function dateTimeFormat(
  options: Intl.DateTimeFormatOptions,
  locale?: string,
): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? null, options]);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DATE_AND_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** "14:05" (or "2:05 PM"), in the reader's locale. */
export const clockTime = (at: string | number | Date) => dateTimeFormat(CLOCK).format(new Date(at));

/** "6 Dec 2026, 14:05", in the reader's locale. */
export const dateAndTime = (at: string | number | Date) =>
  dateTimeFormat(DATE_AND_TIME).format(new Date(at));
