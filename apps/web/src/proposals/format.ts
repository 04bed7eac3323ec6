// Budgets and timelines of proposals, in the user's language.

/**
 * A budget with its currency, without cents when it has none.
 *
 * @example formatBudget({ amount: 120000, currency: 'EUR' }, 'en') // '€120,000'
 */
export function formatBudget(budget: { amount: number; currency: string }, lang: string): string {
  const whole = Number.isInteger(budget.amount);
  try {
    return new Intl.NumberFormat(lang, {
      style: 'currency',
      currency: budget.currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(budget.amount);
  } catch {
    // A currency code the browser does not know: the number and the code are still right.
    return `${budget.amount.toLocaleString(lang)} ${budget.currency}`;
  }
}

/** A calendar date (`YYYY-MM-DD`) as the user reads it, without a time-zone shift. */
export function formatDay(isoDate: string, lang: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(lang, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
}

/**
 * The timeline as one phrase: both dates, or the one that is known; null when neither is.
 *
 * @example timeline('2026-03-01', '2026-12-31', 'en') // 'Mar 1, 2026 – Dec 31, 2026'
 */
export function timeline(start: string | null, end: string | null, lang: string): string | null {
  if (start && end) return `${formatDay(start, lang)} – ${formatDay(end, lang)}`;
  if (start) return `${formatDay(start, lang)} →`;
  if (end) return `→ ${formatDay(end, lang)}`;
  return null;
}
