import { describe, expect, it } from 'vitest';
import { addMonths, isCycle, reportSchedule } from './report-schedule';

describe('Membership Monitoring Report schedule', () => {
  it('is due by 31 December of the fourth year after designation', () => {
    expect(reportSchedule(2021, [], '2024-01-15')).toEqual({
      nextCycle: 2025,
      nextDueDate: '2025-12-31',
      overdue: false,
      dueSoon: false,
      missedCycles: 0,
      lastCycle: null,
    });
  });

  it('is due soon within six months, and overdue the day after the due date', () => {
    expect(reportSchedule(2021, [], '2025-06-30')?.dueSoon).toBe(false);
    expect(reportSchedule(2021, [], '2025-07-01')?.dueSoon).toBe(true);
    expect(reportSchedule(2021, [], '2025-12-31')).toMatchObject({ dueSoon: true, overdue: false });
    expect(reportSchedule(2021, [], '2026-01-01')).toMatchObject({
      dueSoon: false,
      overdue: true,
      missedCycles: 1,
    });
  });

  it('moves to the cycle after the latest report received; a later report supersedes', () => {
    expect(reportSchedule(2004, [], '2026-11-28')).toMatchObject({
      nextCycle: 2008,
      overdue: true,
      missedCycles: 5, // 2008, 2012, 2016, 2020, 2024
    });
    expect(reportSchedule(2004, [2024], '2026-11-28')).toMatchObject({
      nextCycle: 2028,
      nextDueDate: '2028-12-31',
      overdue: false,
      missedCycles: 0,
      lastCycle: 2024,
    });
    expect(reportSchedule(2017, [2021, 2025], '2026-11-28')?.nextCycle).toBe(2029);
  });

  it('has no schedule without a designation year', () => {
    expect(reportSchedule(null, [], '2026-01-01')).toBeNull();
  });

  it('knows the cycle years and adds calendar months', () => {
    expect(isCycle(2017, 2021)).toBe(true);
    expect(isCycle(2017, 2017)).toBe(false);
    expect(isCycle(2017, 2023)).toBe(false);
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-28', 6)).toBe('2027-05-28');
  });
});
