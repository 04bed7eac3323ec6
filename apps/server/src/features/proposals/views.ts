// Reading proposals: one, a filtered list (full-text search included) and the status history,
// as the requesting user may see them, each with the actions open to that user.
import { type Database, schema } from '@uccn/db';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import { loadCityRefs, loadUserNames } from '../network-refs';
import { notFound, type ProposalRow } from './changes';
import type { CityRef, HistoryEntry, ProposalFilters, ProposalView } from './types';
import {
  allowedActions,
  canSee,
  isInvolved,
  networkFlags,
  type ProposalFacts,
  PUBLIC_STATUSES,
  writingCityIds,
} from './workflow';

const { proposals, proposalPartners, proposalFields, proposalSdgs, proposalSdgTargets } = schema;
const { proposalThemes, proposalStatusHistory, cities, countries, regions, creativeFields } =
  schema;
const { sdgs, sdgTargets, themes, users } = schema;

/** Both languages' reading of the words typed; a proposal matches either. */
const searchQuery = (q: string) =>
  sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('french', ${q}))`;

const PUBLIC = sql.join(
  PUBLIC_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);

export class ProposalViews {
  constructor(private readonly db: Database) {}

  async view(user: SessionUser, id: string): Promise<ProposalView> {
    const [row] = await this.db.select().from(proposals).where(eq(proposals.id, id));
    const [view] = row ? await this.build(user, [row]) : [];
    if (!view) throw notFound();
    return view;
  }

  /** The view, or null when the user may no longer see the proposal (a city that left a draft). */
  async viewIfVisible(user: SessionUser, id: string): Promise<ProposalView | null> {
    try {
      return await this.view(user, id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'proposal_not_found') return null;
      throw error;
    }
  }

  async list(user: SessionUser, filters: ProposalFilters): Promise<ProposalView[]> {
    const city = user.cityId ?? -1;
    const involvesMyCity = or(
      eq(proposals.leadCityId, city),
      sql`exists (select 1 from ${proposalPartners} pp where pp.proposal_id = ${proposals.id}
        and pp.city_id = ${city} and pp.status in ('invited', 'accepted'))`,
    );
    const conditions: (SQL | undefined)[] = [];
    if (user.role !== 'secretariat') {
      conditions.push(
        filters.scope === 'mine'
          ? involvesMyCity
          : or(involvesMyCity, sql`${proposals.status} in (${PUBLIC})`),
      );
    }
    if (filters.status) conditions.push(eq(proposals.status, filters.status));
    if (filters.field) {
      conditions.push(sql`exists (select 1 from ${proposalFields} pf
        join ${creativeFields} cf on cf.id = pf.field_id
        where pf.proposal_id = ${proposals.id} and cf.slug = ${filters.field})`);
    }
    if (filters.sdg !== undefined) {
      conditions.push(sql`exists (select 1 from ${proposalSdgs} ps
        where ps.proposal_id = ${proposals.id} and ps.goal = ${filters.sdg})`);
    }
    if (filters.theme) {
      conditions.push(sql`exists (select 1 from ${proposalThemes} pt
        join ${themes} t on t.id = pt.theme_id
        where pt.proposal_id = ${proposals.id} and t.slug = ${filters.theme})`);
    }
    // A city or region takes part as the lead or as an accepted (or, for a city, invited) partner.
    if (filters.city) {
      conditions.push(sql`exists (select 1 from ${cities} c where c.slug = ${filters.city}
        and (c.id = ${proposals.leadCityId} or exists (select 1 from ${proposalPartners} pp
          where pp.proposal_id = ${proposals.id} and pp.city_id = c.id
          and pp.status in ('invited', 'accepted'))))`);
    }
    if (filters.region) {
      conditions.push(sql`exists (select 1 from ${cities} c
        join ${countries} co on co.iso2 = c.country_iso2
        join ${regions} r on r.id = co.region_id
        where r.slug = ${filters.region}
        and (c.id = ${proposals.leadCityId} or exists (select 1 from ${proposalPartners} pp
          where pp.proposal_id = ${proposals.id} and pp.city_id = c.id and pp.status = 'accepted')))`);
    }
    const q = filters.q?.trim();
    if (q) conditions.push(sql`${proposals.search} @@ ${searchQuery(q)}`);
    const rows = await this.db
      .select()
      .from(proposals)
      .where(and(...conditions))
      .orderBy(
        ...(q ? [desc(sql`ts_rank(${proposals.search}, ${searchQuery(q)})`)] : []),
        desc(proposals.updatedAt),
      )
      .limit(filters.limit);
    return this.build(user, rows);
  }

  async history(user: SessionUser, id: string): Promise<HistoryEntry[]> {
    await this.view(user, id);
    const rows = await this.db
      .select({
        entry: proposalStatusHistory,
        name: users.name,
        city: cities.slug,
      })
      .from(proposalStatusHistory)
      .leftJoin(users, eq(users.id, proposalStatusHistory.byId))
      .leftJoin(cities, eq(cities.id, users.cityId))
      .where(eq(proposalStatusHistory.proposalId, id))
      .orderBy(asc(proposalStatusHistory.id));
    return rows.map(({ entry, name, city }) => ({
      from: entry.fromStatus,
      to: entry.toStatus,
      by: entry.byId && name ? { id: entry.byId, name, city } : null,
      note: entry.note,
      at: entry.at.toISOString(),
    }));
  }

  /** Views of the rows the user may see, with a handful of queries whatever their number. */
  private async build(user: SessionUser, rows: ProposalRow[]): Promise<ProposalView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const partners = await this.db
      .select({ row: proposalPartners, invitedBy: users.name })
      .from(proposalPartners)
      .leftJoin(users, eq(users.id, proposalPartners.invitedById))
      .where(inArray(proposalPartners.proposalId, ids))
      .orderBy(asc(proposalPartners.invitedAt));
    const cityRefs = await this.cities([
      ...rows.map((row) => row.leadCityId),
      ...partners.map((p) => p.row.cityId),
    ]);
    const people = await loadUserNames(this.db, [
      ...rows.map((row) => row.createdById),
      ...partners.map((p) => p.row.respondedById),
    ]);
    const fields = await this.db
      .select({ proposalId: proposalFields.proposalId, field: creativeFields })
      .from(proposalFields)
      .innerJoin(creativeFields, eq(creativeFields.id, proposalFields.fieldId))
      .where(inArray(proposalFields.proposalId, ids))
      .orderBy(asc(creativeFields.position));
    const goals = await this.db
      .select({ proposalId: proposalSdgs.proposalId, sdg: sdgs })
      .from(proposalSdgs)
      .innerJoin(sdgs, eq(sdgs.number, proposalSdgs.goal))
      .where(inArray(proposalSdgs.proposalId, ids))
      .orderBy(asc(sdgs.number));
    const targets = await this.db
      .select({ proposalId: proposalSdgTargets.proposalId, target: sdgTargets })
      .from(proposalSdgTargets)
      .innerJoin(sdgTargets, eq(sdgTargets.code, proposalSdgTargets.targetCode))
      .where(inArray(proposalSdgTargets.proposalId, ids))
      .orderBy(asc(sdgTargets.goal), asc(sdgTargets.position));
    const themeRows = await this.db
      .select({ proposalId: proposalThemes.proposalId, theme: themes })
      .from(proposalThemes)
      .innerJoin(themes, eq(themes.id, proposalThemes.themeId))
      .where(inArray(proposalThemes.proposalId, ids))
      .orderBy(asc(themes.position));

    const views: ProposalView[] = [];
    for (const row of rows) {
      const own = partners.filter((p) => p.row.proposalId === row.id);
      const facts: ProposalFacts = {
        status: row.status,
        leadCityId: row.leadCityId,
        partners: own.map((p) => ({ cityId: p.row.cityId, status: p.row.status })),
      };
      const leadCity = cityRefs.get(row.leadCityId);
      if (!canSee(user, facts) || !leadCity) continue;
      const writers = writingCityIds(facts).flatMap((id) => {
        const ref = cityRefs.get(id);
        return ref ? [{ countryIso2: ref.ref.country.iso2, fieldId: ref.fieldId }] : [];
      });
      views.push({
        id: row.id,
        title: row.title,
        summary: row.summary,
        status: row.status,
        documentId: row.documentId,
        leadCity: leadCity.ref,
        partners: own.flatMap(({ row: partner, invitedBy }) => {
          const city = cityRefs.get(partner.cityId);
          if (!city) return [];
          return [
            {
              city: city.ref,
              status: partner.status,
              invitedBy:
                partner.invitedById && invitedBy
                  ? { id: partner.invitedById, name: invitedBy }
                  : null,
              invitedAt: partner.invitedAt.toISOString(),
              respondedBy: partner.respondedById
                ? (people.get(partner.respondedById) ?? null)
                : null,
              respondedAt: partner.respondedAt?.toISOString() ?? null,
            },
          ];
        }),
        fields: fields
          .filter((f) => f.proposalId === row.id)
          .map(({ field }) => ({ slug: field.slug, name: field.name, nameFr: field.nameFr })),
        sdgs: goals
          .filter((g) => g.proposalId === row.id)
          .map(({ sdg }) => ({ number: sdg.number, name: sdg.name, nameFr: sdg.nameFr })),
        sdgTargets: targets
          .filter((t) => t.proposalId === row.id)
          .map(({ target }) => ({ code: target.code, goal: target.goal, text: target.text })),
        themes: themeRows
          .filter((t) => t.proposalId === row.id)
          .map(({ theme }) => ({ slug: theme.slug, name: theme.name, nameFr: theme.nameFr })),
        budget:
          row.budgetAmount !== null && row.budgetCurrency !== null
            ? { amount: Number(row.budgetAmount), currency: row.budgetCurrency }
            : null,
        startDate: row.startDate,
        endDate: row.endDate,
        milestones: row.milestones,
        decisionNote: isInvolved(user, facts) ? row.decisionNote : null,
        publicSummary: row.publicSummary,
        ...networkFlags(writers),
        actions: allowedActions(user, facts),
        createdBy: row.createdById ? (people.get(row.createdById) ?? null) : null,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      });
    }
    return views;
  }

  /** The cities by id, in the shape proposals show them. */
  private async cities(ids: number[]) {
    const loaded = await loadCityRefs(this.db, ids);
    return new Map(
      [...loaded].map(([id, { ref, fieldId }]) => {
        const city: CityRef = {
          slug: ref.slug,
          name: ref.name,
          country: ref.country,
          region: { slug: ref.region.slug, name: ref.region.name },
          field: ref.field,
          lat: ref.lat,
          lon: ref.lon,
        };
        return [id, { ref: city, fieldId }];
      }),
    );
  }
}
