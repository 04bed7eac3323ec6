// When each city's Membership Monitoring Report is due: pure date arithmetic, documented in
// docs/monitoring.md.
//
// A city designated in year Y reports every four years: the cycles are the years Y+4, Y+8, …, and
// a cycle's report is due by 31 December of its year. A recorded report answers one cycle. The
// next report due is the first cycle after the latest one answered (the first cycle, Y+4, when
// none is): a later report supersedes missed earlier ones. It is overdue once its due date has
// passed; it is due soon when its due date falls within the next six months.

/** Month and day of a cycle's due date. Change it if the Secretariat sets another deadline. */
export const DUE_MONTH_DAY = '12-31';
export const REPORT_INTERVAL_YEARS = 4;
export const DUE_SOON_MONTHS = 6;

export interface ReportSchedule {
  /** The cycle (year) of the next report due. */
  nextCycle: number;
  /** ISO date, YYYY-MM-DD. */
  nextDueDate: string;
  overdue: boolean;
  /** Due on or after `asOf` and within the next six months. */
  dueSoon: boolean;
  /** Cycles after the latest answered one whose due date has passed. */
  missedCycles: number;
  /** The latest cycle answered, or null. */
  lastCycle: number | null;
}

export const dueDateOf = (cycle: number) => `${cycle}-${DUE_MONTH_DAY}`;

/** Whether `year` is one of the city's reporting cycles (Y+4k, k ≥ 1). */
export function isCycle(designationYear: number, year: number) {
  const since = year - designationYear;
  return since > 0 && since % REPORT_INTERVAL_YEARS === 0;
}

/**
 * The ISO date `months` calendar months after `date`, clamped to the month's last day.
 * @example addMonths('2026-08-31', 6) // '2027-02-28'
 */
export function addMonths(date: string, months: number) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The schedule of a city as of a date (ISO), from its designation year and the cycles its
 * recorded reports answer; null without a designation year.
 * @example reportSchedule(2017, [2021], '2025-06-30') // next 2025, due 2025-12-31, dueSoon
 */
export function reportSchedule(
  designationYear: number | null,
  answeredCycles: readonly number[],
  asOf: string,
): ReportSchedule | null {
  if (designationYear === null) return null;
  const lastCycle = answeredCycles.length > 0 ? Math.max(...answeredCycles) : null;
  const first = designationYear + REPORT_INTERVAL_YEARS;
  const nextCycle =
    lastCycle === null || lastCycle < first
      ? first
      : lastCycle + REPORT_INTERVAL_YEARS - ((lastCycle - designationYear) % REPORT_INTERVAL_YEARS);
  const nextDueDate = dueDateOf(nextCycle);
  let missedCycles = 0;
  for (let cycle = nextCycle; dueDateOf(cycle) < asOf; cycle += REPORT_INTERVAL_YEARS) {
    missedCycles += 1;
  }
  return {
    nextCycle,
    nextDueDate,
    overdue: nextDueDate < asOf,
    dueSoon: nextDueDate >= asOf && nextDueDate <= addMonths(asOf, DUE_SOON_MONTHS),
    missedCycles,
    lastCycle,
  };
}
