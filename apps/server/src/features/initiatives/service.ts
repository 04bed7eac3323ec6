// Initiatives: a city shares one, its people edit it, the Secretariat grants or withdraws official
// support. Every change is in the activity log; support decisions notify the cities' people.
import { type Database, schema } from '@uccn/db';
import { and, eq, inArray } from 'drizzle-orm';
import { recordActivity } from '../../activity/activity-log';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import { loadCityRefs } from '../network-refs';
import type { NotificationService } from '../notifications/service';
import type { ReferenceLists } from '../proposals/reference';
import {
  assertDecision,
  assertKeepsDimension,
  canCreate,
  canEdit,
  isSafeLink,
  type SupportDecision,
} from './rules';
import type { InitiativeInput } from './types';
import { factsOf, type InitiativeRow, type InitiativeViews, notFound } from './views';

const { initiatives, initiativePartners, initiativeFields, initiativeThemes } = schema;
const { initiativeSupportHistory, users } = schema;

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface Resolved {
  values: Partial<typeof initiatives.$inferInsert>;
  partnerIds?: number[];
  fieldIds?: number[];
  themeIds?: number[];
}

export class InitiativeService {
  constructor(
    private readonly db: Database,
    private readonly reference: ReferenceLists,
    private readonly notifications: NotificationService,
    private readonly views: InitiativeViews,
  ) {}

  /** A new initiative led by the user's city (its field by default). */
  async create(user: SessionUser, input: InitiativeInput & { title: string }) {
    if (!canCreate(user) || user.cityId === null) {
      throw new AppError(
        'forbidden',
        'An initiative is led by a city; the Secretariat reviews them.',
      );
    }
    const leadCityId = user.cityId;
    const resolved = await this.resolve(input, leadCityId);
    assertDates(input.startDate ?? null, input.endDate ?? null);
    if (!resolved.fieldIds?.length) {
      const lead = (await loadCityRefs(this.db, [leadCityId])).get(leadCityId);
      resolved.fieldIds = lead ? [lead.fieldId] : [];
    }
    const id = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(initiatives)
        .values({ ...resolved.values, title: input.title, leadCityId, createdById: user.id })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await writeLists(tx, row.id, resolved);
      await record(tx, user, row, 'initiative.created', { title: row.title });
      return row.id;
    });
    return this.views.view(user, id);
  }

  /** Details, partners, dates and status: people of the lead city. */
  async update(user: SessionUser, id: string, input: InitiativeInput) {
    const current = await this.load(this.db, id);
    if (!canEdit(user, current.row)) {
      throw new AppError('forbidden', "Only the lead city's people edit an initiative.");
    }
    const resolved = await this.resolve(input, current.row.leadCityId);
    await this.db.transaction(async (tx) => {
      const locked = await this.load(tx, id, true);
      assertDates(
        input.startDate === undefined ? locked.row.startDate : input.startDate,
        input.endDate === undefined ? locked.row.endDate : input.endDate,
      );
      if (resolved.partnerIds !== undefined) {
        const refs = await loadCityRefs(tx, [locked.row.leadCityId, ...resolved.partnerIds]);
        assertKeepsDimension(
          locked.row.support,
          factsOf(locked.row, resolved.partnerIds, refs).cities,
        );
      }
      await tx
        .update(initiatives)
        .set({ ...resolved.values, updatedAt: new Date() })
        .where(eq(initiatives.id, id));
      await writeLists(tx, id, resolved, true);
      await record(tx, user, locked.row, 'initiative.updated', {
        changed: Object.keys(input).filter(
          (key) => input[key as keyof InitiativeInput] !== undefined,
        ),
      });
    });
    return this.views.view(user, id);
  }

  /** The Secretariat grants or withdraws official support, with a note; the cities hear of it. */
  async decide(user: SessionUser, id: string, decision: SupportDecision, note: string | undefined) {
    const trimmed = note?.trim() ?? '';
    const { row, cityIds } = await this.db.transaction(async (tx) => {
      const current = await this.load(tx, id, true);
      assertDecision(user, current.facts, decision, note);
      const now = new Date();
      await tx
        .update(initiatives)
        .set({
          support: decision,
          decisionNote: trimmed,
          decidedById: user.id,
          decidedAt: now,
          updatedAt: now,
        })
        .where(eq(initiatives.id, id));
      await tx.insert(initiativeSupportHistory).values({
        initiativeId: id,
        fromSupport: current.row.support,
        toSupport: decision,
        byId: user.id,
        note: trimmed,
        at: now,
      });
      await record(tx, user, current.row, `initiative.support_${decision}`, {
        from: current.row.support,
        to: decision,
        note: trimmed,
      });
      return { row: current.row, cityIds: current.facts.cities.map((c) => c.cityId) };
    });
    const people = await this.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.disabled, false), inArray(users.cityId, cityIds)));
    const event = `${decision}:${Date.now()}`;
    await this.notifications.notify(
      people
        .filter((person) => person.id !== user.id)
        .map((person) => ({
          userId: person.id,
          kind: 'initiative_decision' as const,
          title:
            decision === 'supported'
              ? `The initiative "${row.title}" has the official support of UNESCO`
              : `Official support for the initiative "${row.title}" was withdrawn`,
          body: trimmed,
          url: `/initiatives/${id}`,
          actorId: user.id,
          subject: `initiative:${id}:${event}`,
        })),
    );
    return this.views.view(user, id);
  }

  private async load(db: Pick<Database, 'select'>, id: string, lock = false) {
    const query = db.select().from(initiatives).where(eq(initiatives.id, id));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw notFound();
    const partnerIds = (
      await db
        .select({ cityId: initiativePartners.cityId })
        .from(initiativePartners)
        .where(eq(initiativePartners.initiativeId, id))
    ).map((p) => p.cityId);
    const refs = await loadCityRefs(db, [row.leadCityId, ...partnerIds]);
    return { row, facts: factsOf(row, partnerIds, refs) };
  }

  private async resolve(input: InitiativeInput, leadCityId: number): Promise<Resolved> {
    const values: Resolved['values'] = {};
    if (input.title !== undefined) values.title = input.title;
    if (input.description !== undefined) values.description = input.description;
    if (input.startDate !== undefined) values.startDate = input.startDate;
    if (input.endDate !== undefined) values.endDate = input.endDate;
    if (input.status !== undefined) values.status = input.status;
    if (input.links !== undefined) {
      const unsafe = input.links.filter((link) => !isSafeLink(link.url));
      if (unsafe.length > 0) {
        throw new AppError('validation_failed', 'Links must be http or https addresses.', {
          links: unsafe.map((link) => link.url),
        });
      }
      values.links = input.links;
    }
    const resolved: Resolved = { values };
    if (input.fields !== undefined) resolved.fieldIds = await this.reference.fieldIds(input.fields);
    if (input.themes !== undefined) resolved.themeIds = await this.reference.themeIds(input.themes);
    if (input.partners !== undefined) {
      const ids: number[] = [];
      for (const slug of new Set(input.partners)) {
        const city = await this.reference.city(slug);
        if (city.id === leadCityId) {
          throw new AppError('validation_failed', 'The lead city cannot be its own partner.');
        }
        ids.push(city.id);
      }
      resolved.partnerIds = ids;
    }
    return resolved;
  }
}

/** Replaces the lists the request names (all of them on create). */
export async function writeLists(
  tx: Tx,
  initiativeId: string,
  resolved: Resolved,
  replace = false,
) {
  const { partnerIds, fieldIds, themeIds } = resolved;
  if (partnerIds !== undefined) {
    if (replace) {
      await tx.delete(initiativePartners).where(eq(initiativePartners.initiativeId, initiativeId));
    }
    if (partnerIds.length > 0) {
      await tx
        .insert(initiativePartners)
        .values(partnerIds.map((cityId) => ({ initiativeId, cityId })));
    }
  }
  if (fieldIds !== undefined) {
    if (replace) {
      await tx.delete(initiativeFields).where(eq(initiativeFields.initiativeId, initiativeId));
    }
    if (fieldIds.length > 0) {
      await tx
        .insert(initiativeFields)
        .values(fieldIds.map((fieldId) => ({ initiativeId, fieldId })));
    }
  }
  if (themeIds !== undefined) {
    if (replace) {
      await tx.delete(initiativeThemes).where(eq(initiativeThemes.initiativeId, initiativeId));
    }
    if (themeIds.length > 0) {
      await tx
        .insert(initiativeThemes)
        .values(themeIds.map((themeId) => ({ initiativeId, themeId })));
    }
  }
}

function record(
  tx: Tx,
  user: SessionUser,
  row: InitiativeRow,
  action: string,
  details: Record<string, unknown>,
) {
  return recordActivity(tx, {
    actorId: user.id,
    action,
    subjectType: 'initiative',
    subjectId: row.id,
    cityId: row.leadCityId,
    details,
  });
}

function assertDates(start: string | null, end: string | null) {
  if (start !== null && end !== null && start > end) {
    throw new AppError('validation_failed', 'The end date comes before the start date.');
  }
}
