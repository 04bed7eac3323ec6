// Membership Monitoring Reports: each city's schedule (report-schedule.ts) from the reports the
// Secretariat recorded, and recording one as received.
import { type Database, schema } from '@uccn/db';
import { asc, eq } from 'drizzle-orm';
import { recordActivity } from '../../activity/activity-log';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import type { CityRef } from '../initiatives/types';
import { loadCityRefs } from '../network-refs';
import type { ReferenceLists } from '../proposals/reference';
import { isCycle, type ReportSchedule, reportSchedule } from './report-schedule';

const { monitoringReports, cities } = schema;

export interface CityReportStatus {
  city: CityRef;
  schedule: ReportSchedule | null;
  lastReceivedOn: string | null;
  lastLink: string | null;
}

export interface ReportInput {
  city: string;
  receivedOn: string;
  link?: string | undefined;
  note?: string | undefined;
  /** The due year the report answers; by default the one the city owes now. */
  cycleYear?: number | undefined;
}

export const today = () => new Date().toISOString().slice(0, 10);

export class MonitoringReports {
  constructor(
    private readonly db: Database,
    private readonly reference: ReferenceLists,
  ) {}

  /** Every city's schedule as of a date, soonest due first (cities without a year last). */
  async statuses(asOf: string): Promise<CityReportStatus[]> {
    const refs = await loadCityRefs(this.db);
    const reports = await this.db
      .select()
      .from(monitoringReports)
      .orderBy(asc(monitoringReports.receivedOn));
    const byCity = new Map<number, (typeof reports)[number][]>();
    for (const report of reports) {
      byCity.set(report.cityId, [...(byCity.get(report.cityId) ?? []), report]);
    }
    return [...refs.values()]
      .map((city): CityReportStatus => {
        const own = byCity.get(city.id) ?? [];
        const last = own.at(-1);
        return {
          city: city.ref,
          schedule: reportSchedule(
            city.ref.designationYear,
            own.map((r) => r.cycleYear),
            asOf,
          ),
          lastReceivedOn: last?.receivedOn ?? null,
          lastLink: last?.link ?? null,
        };
      })
      .sort(
        (a, b) =>
          (a.schedule?.nextDueDate ?? '9999').localeCompare(b.schedule?.nextDueDate ?? '9999') ||
          a.city.name.localeCompare(b.city.name),
      );
  }

  /** Records a report as received; returns the city's schedule after it. */
  async record(user: SessionUser, input: ReportInput, asOf: string) {
    if (user.role !== 'secretariat') {
      throw new AppError('forbidden', 'Only the Secretariat records monitoring reports.');
    }
    const city = await this.reference.city(input.city);
    const [row] = await this.db
      .select({ year: cities.designationYear })
      .from(cities)
      .where(eq(cities.id, city.id));
    const designationYear = row?.year ?? null;
    if (designationYear === null) {
      throw new AppError('validation_failed', `${city.name} has no designation year on record.`);
    }
    const answered = (
      await this.db
        .select({ cycle: monitoringReports.cycleYear })
        .from(monitoringReports)
        .where(eq(monitoringReports.cityId, city.id))
    ).map((r) => r.cycle);
    const cycleYear = input.cycleYear ?? reportSchedule(designationYear, answered, asOf)?.nextCycle;
    if (cycleYear === undefined || !isCycle(designationYear, cycleYear)) {
      throw new AppError(
        'validation_failed',
        `${city.name} (designated ${designationYear}) reports for ${designationYear + 4}, ${designationYear + 8}, …; ${cycleYear} is not one of its cycles.`,
      );
    }
    await this.db.transaction(async (tx) => {
      await tx.insert(monitoringReports).values({
        cityId: city.id,
        cycleYear,
        receivedOn: input.receivedOn,
        link: input.link ?? null,
        note: input.note?.trim() || null,
        recordedById: user.id,
      });
      await recordActivity(tx, {
        actorId: user.id,
        action: 'monitoring_report.received',
        subjectType: 'city',
        subjectId: city.slug,
        cityId: city.id,
        details: { cycleYear, receivedOn: input.receivedOn },
      });
    });
    const status = (await this.statuses(asOf)).find((s) => s.city.slug === city.slug);
    if (!status)
      throw new AppError('city_not_found', `No member city has the slug "${city.slug}".`);
    return { cycleYear, status };
  }
}
