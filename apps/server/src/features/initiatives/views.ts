// Reading initiatives: one (with its support history), and a filtered list, each with the
// actions open to the requesting user. Every signed-in person sees every initiative.
import { type Database, schema } from '@uccn/db';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors';
import { type LoadedCity, loadCityRefs, loadUserNames } from '../network-refs';
import { type Actor, allowedActions, dimension, type InitiativeFacts, isInvolved } from './rules';
import type { InitiativeFilters, InitiativeView, NamedRef, SupportEntry } from './types';

const { initiatives, initiativePartners, initiativeFields, initiativeThemes } = schema;
const { initiativeSupportHistory, cities, countries, regions, creativeFields, themes, users } =
  schema;

export type InitiativeRow = typeof initiatives.$inferSelect;

export const notFound = () =>
  new AppError('initiative_not_found', 'There is no initiative with this id.');

/** The facts the rules need, from a row and its partner cities. */
export function factsOf(
  row: Pick<InitiativeRow, 'leadCityId' | 'support'>,
  partnerIds: readonly number[],
  cityRefs: ReadonlyMap<number, LoadedCity>,
): InitiativeFacts {
  return {
    leadCityId: row.leadCityId,
    support: row.support,
    cities: [row.leadCityId, ...partnerIds].flatMap((id) => {
      const city = cityRefs.get(id);
      return city ? [{ cityId: id, countryIso2: city.countryIso2 }] : [];
    }),
  };
}

export class InitiativeViews {
  constructor(private readonly db: Database) {}

  async view(actor: Actor, id: string): Promise<InitiativeView> {
    const [row] = await this.db.select().from(initiatives).where(eq(initiatives.id, id));
    const [view] = row ? await this.build(actor, [row]) : [];
    if (!view) throw notFound();
    return view;
  }

  async supportHistory(id: string): Promise<SupportEntry[]> {
    const rows = await this.db
      .select({ entry: initiativeSupportHistory, name: users.name })
      .from(initiativeSupportHistory)
      .leftJoin(users, eq(users.id, initiativeSupportHistory.byId))
      .where(eq(initiativeSupportHistory.initiativeId, id))
      .orderBy(asc(initiativeSupportHistory.id));
    return rows.map(({ entry, name }) => ({
      from: entry.fromSupport,
      to: entry.toSupport,
      by: entry.byId && name ? { id: entry.byId, name } : null,
      note: entry.note,
      at: entry.at.toISOString(),
    }));
  }

  async list(actor: Actor, filters: InitiativeFilters): Promise<InitiativeView[]> {
    return this.build(actor, await this.rows(filters));
  }

  /** The rows matching the filters, newest first; a city or region takes part as lead or partner. */
  async rows(filters: InitiativeFilters): Promise<InitiativeRow[]> {
    const conditions: (SQL | undefined)[] = [];
    if (filters.support) conditions.push(eq(initiatives.support, filters.support));
    if (filters.status) conditions.push(eq(initiatives.status, filters.status));
    if (filters.field) {
      conditions.push(sql`exists (select 1 from ${initiativeFields} f
        join ${creativeFields} cf on cf.id = f.field_id
        where f.initiative_id = ${initiatives.id} and cf.slug = ${filters.field})`);
    }
    if (filters.theme) {
      conditions.push(sql`exists (select 1 from ${initiativeThemes} it
        join ${themes} t on t.id = it.theme_id
        where it.initiative_id = ${initiatives.id} and t.slug = ${filters.theme})`);
    }
    const takesPart = (cityCondition: SQL) => sql`exists (select 1 from ${cities} c
      join ${countries} co on co.iso2 = c.country_iso2
      join ${regions} r on r.id = co.region_id
      where ${cityCondition} and (c.id = ${initiatives.leadCityId} or exists (
        select 1 from ${initiativePartners} ip
        where ip.initiative_id = ${initiatives.id} and ip.city_id = c.id)))`;
    if (filters.city) conditions.push(takesPart(sql`c.slug = ${filters.city}`));
    if (filters.region) conditions.push(takesPart(sql`r.slug = ${filters.region}`));
    return this.db
      .select()
      .from(initiatives)
      .where(and(...conditions))
      .orderBy(desc(initiatives.updatedAt))
      .limit(filters.limit);
  }

  /** Views of the rows, with a handful of queries whatever their number. */
  async build(actor: Actor | null, rows: InitiativeRow[]): Promise<InitiativeView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const partners = await this.db
      .select()
      .from(initiativePartners)
      .where(inArray(initiativePartners.initiativeId, ids));
    const cityRefs = await loadCityRefs(this.db, [
      ...rows.map((row) => row.leadCityId),
      ...partners.map((p) => p.cityId),
    ]);
    const fieldRows = await this.db
      .select({ id: initiativeFields.initiativeId, named: creativeFields })
      .from(initiativeFields)
      .innerJoin(creativeFields, eq(creativeFields.id, initiativeFields.fieldId))
      .where(inArray(initiativeFields.initiativeId, ids))
      .orderBy(asc(creativeFields.position));
    const themeRows = await this.db
      .select({ id: initiativeThemes.initiativeId, named: themes })
      .from(initiativeThemes)
      .innerJoin(themes, eq(themes.id, initiativeThemes.themeId))
      .where(inArray(initiativeThemes.initiativeId, ids))
      .orderBy(asc(themes.position));
    const deciders = await loadUserNames(
      this.db,
      rows.map((row) => row.decidedById),
    );
    const named = (list: { id: string; named: NamedRef }[], id: string) =>
      list
        .filter((entry) => entry.id === id)
        .map(({ named: n }) => ({ slug: n.slug, name: n.name, nameFr: n.nameFr }));

    return rows.flatMap((row): InitiativeView[] => {
      const lead = cityRefs.get(row.leadCityId);
      if (!lead) return [];
      const partnerIds = partners.filter((p) => p.initiativeId === row.id).map((p) => p.cityId);
      const facts = factsOf(row, partnerIds, cityRefs);
      const involved = actor !== null && isInvolved(actor, facts);
      return [
        {
          id: row.id,
          title: row.title,
          description: row.description,
          leadCity: lead.ref,
          partners: partnerIds.flatMap((id) => {
            const city = cityRefs.get(id);
            return city ? [city.ref] : [];
          }),
          fields: named(fieldRows, row.id),
          themes: named(themeRows, row.id),
          links: row.links,
          startDate: row.startDate,
          endDate: row.endDate,
          status: row.status,
          support: row.support,
          decisionNote: involved ? row.decisionNote : null,
          decidedBy: row.decidedById ? (deciders.get(row.decidedById) ?? null) : null,
          decidedAt: row.decidedAt?.toISOString() ?? null,
          ...dimension(facts.cities),
          demo: row.demoKey !== null,
          actions: actor
            ? allowedActions(actor, facts)
            : { edit: false, support: false, withdraw: false },
          createdAt: row.createdAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
        },
      ];
    });
  }
}
