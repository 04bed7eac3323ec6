import { describe, expect, it } from 'vitest';
import { milestoneErrors, milestoneRow, milestonesFromRows, sortMilestones } from './milestones';

describe('milestones', () => {
  it('gives each new row its own key', () => {
    const a = milestoneRow();
    const b = milestoneRow({ label: 'Kick-off', date: '2027-03-15' });
    expect(a.key).not.toBe(b.key);
    expect(b).toMatchObject({ label: 'Kick-off', date: '2027-03-15' });
  });

  it('sorts by date, keeping the order of milestones on the same day', () => {
    const list = [
      { label: 'Festival', date: '2027-09-01' },
      { label: 'Kick-off', date: '2027-03-15' },
      { label: 'Press day', date: '2027-09-01' },
    ];
    expect(sortMilestones(list).map((m) => m.label)).toEqual(['Kick-off', 'Festival', 'Press day']);
  });

  it('asks for a label and a date, but ignores an empty row', () => {
    const rows = [
      { key: 'a', label: 'Kick-off', date: '' },
      { key: 'b', label: '  ', date: '2027-03-15' },
      { key: 'c', label: '', date: '' },
      { key: 'd', label: 'Festival', date: '2027-09-01' },
    ];
    expect(milestoneErrors(rows)).toEqual({ a: { date: 'required' }, b: { label: 'required' } });
  });

  it('sends trimmed milestones in date order, without empty rows or keys', () => {
    expect(
      milestonesFromRows([
        { key: 'a', label: ' Festival ', date: '2027-09-01' },
        { key: 'b', label: '', date: '' },
        { key: 'c', label: 'Kick-off', date: '2027-03-15' },
      ]),
    ).toEqual([
      { label: 'Kick-off', date: '2027-03-15' },
      { label: 'Festival', date: '2027-09-01' },
    ]);
  });
});
