// A proposal's timeline milestones as the form edits them ({label, date} rows) and as they are read.

/** The server's limits on milestones. */
export const MILESTONE_LABEL_MAX = 200;
export const MILESTONES_MAX = 50;

export interface Milestone {
  label: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

/** One row of the form; `key` keeps React's rows stable while rows are added and removed. */
export interface MilestoneRow extends Milestone {
  key: string;
}

export type MilestoneError = Partial<Record<'label' | 'date', 'required'>>;

let nextKey = 0;

/** A new empty row, or one holding `milestone`. */
export function milestoneRow(milestone: Milestone = { label: '', date: '' }): MilestoneRow {
  nextKey += 1;
  return { key: `m${nextKey}`, label: milestone.label, date: milestone.date };
}

/**
 * Milestones in date order (ISO dates sort as strings); equal dates keep their order.
 *
 * @example sortMilestones([{ label: 'End', date: '2027-12-01' }, { label: 'Start', date: '2027-03-01' }])
 * // [{ label: 'Start', … }, { label: 'End', … }]
 */
export function sortMilestones<T extends Milestone>(milestones: readonly T[]): T[] {
  return [...milestones].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const isBlank = (row: Milestone) => row.label.trim() === '' && row.date === '';

/**
 * What each row lacks, by row key; a wholly empty row is ignored (it is dropped when sent).
 *
 * @example milestoneErrors([{ key: 'a', label: 'Kick-off', date: '' }]) // { a: { date: 'required' } }
 */
export function milestoneErrors(rows: readonly MilestoneRow[]): Record<string, MilestoneError> {
  const errors: Record<string, MilestoneError> = {};
  for (const row of rows) {
    if (isBlank(row)) continue;
    const error: MilestoneError = {};
    if (row.label.trim() === '') error.label = 'required';
    if (row.date === '') error.date = 'required';
    if (error.label || error.date) errors[row.key] = error;
  }
  return errors;
}

/** The milestones to send: trimmed, without empty rows, in date order. */
export function milestonesFromRows(rows: readonly MilestoneRow[]): Milestone[] {
  return sortMilestones(
    rows.filter((row) => !isBlank(row)).map((row) => ({ label: row.label.trim(), date: row.date })),
  );
}
