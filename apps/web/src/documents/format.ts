// Dates of documents and versions, in words relative to now for the recent ones.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * "5 minutes ago", "yesterday"; a date and time after a week.
 *
 * @example timeAgo('2025-05-01T10:00:00Z', new Date('2025-05-01T10:05:00Z'), 'en') // '5 minutes ago'
 */
export function timeAgo(iso: string, now: Date, lang: string): string {
  const then = new Date(iso);
  let value = (then.getTime() - now.getTime()) / 1000;
  if (Math.abs(value) < 45) value = 0;
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return dateTime(iso, lang);
}

/** A full date and time, for tooltips and old entries. */
export function dateTime(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}
