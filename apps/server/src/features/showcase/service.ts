// The public showcase: supported initiatives and the public summaries of supported proposals,
// with their cities placed on the map, for anyone (no sign-in). Nothing else leaves here: no
// decision notes, no people, no proposal that has no public summary.
import { type Database, schema } from '@uccn/db';
import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { CityRef, NamedRef } from '../initiatives/types';
import type { InitiativeViews } from '../initiatives/views';
import { loadCityRefs } from '../network-refs';
import { PUBLIC_STATUSES } from '../proposals/workflow';

const { proposals, proposalPartners, proposalFields, proposalThemes, initiatives } = schema;
const { creativeFields, regions, themes } = schema;

export interface ShowcaseFilters {
  field?: string | undefined;
  region?: string | undefined;
}

const takesPart = (cities: CityRef[], filters: ShowcaseFilters) =>
  cities.some(
    (city) =>
      (!filters.field || city.field.slug === filters.field) &&
      (!filters.region || city.region.slug === filters.region),
  );

const named = ({ slug, name, nameFr }: NamedRef) => ({ slug, name, nameFr });

export class Showcase {
  constructor(
    private readonly db: Database,
    private readonly initiativeViews: InitiativeViews,
  ) {}

  async contents(filters: ShowcaseFilters) {
    const supported = await this.db
      .select()
      .from(initiatives)
      .where(eq(initiatives.support, 'supported'))
      .orderBy(asc(initiatives.title));
    const initiativeViews = (await this.initiativeViews.build(null, supported))
      .filter((view) => takesPart([view.leadCity, ...view.partners], filters))
      .map((view) => ({
        id: view.id,
        title: view.title,
        description: view.description,
        leadCity: view.leadCity,
        partners: view.partners,
        fields: view.fields,
        themes: view.themes,
        links: view.links,
        startDate: view.startDate,
        endDate: view.endDate,
        status: view.status,
        supportedAt: view.decidedAt,
        interCity: view.interCity,
        international: view.international,
        demo: view.demo,
      }));

    const rows = await this.db
      .select()
      .from(proposals)
      .where(
        and(
          inArray(proposals.status, [...PUBLIC_STATUSES]),
          isNotNull(proposals.publicSummary),
          ne(proposals.publicSummary, ''),
        ),
      )
      .orderBy(asc(proposals.title));
    const ids = rows.map((row) => row.id);
    const partners = ids.length
      ? await this.db
          .select()
          .from(proposalPartners)
          .where(
            and(inArray(proposalPartners.proposalId, ids), eq(proposalPartners.status, 'accepted')),
          )
      : [];
    const fieldRows = ids.length
      ? await this.db
          .select({ id: proposalFields.proposalId, named: creativeFields })
          .from(proposalFields)
          .innerJoin(creativeFields, eq(creativeFields.id, proposalFields.fieldId))
          .where(inArray(proposalFields.proposalId, ids))
      : [];
    const themeRows = ids.length
      ? await this.db
          .select({ id: proposalThemes.proposalId, named: themes })
          .from(proposalThemes)
          .innerJoin(themes, eq(themes.id, proposalThemes.themeId))
          .where(inArray(proposalThemes.proposalId, ids))
      : [];
    const cities = await loadCityRefs(this.db, [
      ...rows.map((row) => row.leadCityId),
      ...partners.map((p) => p.cityId),
    ]);
    const proposalViews = rows.flatMap((row) => {
      const lead = cities.get(row.leadCityId)?.ref;
      if (!lead) return [];
      const partnerRefs = partners
        .filter((p) => p.proposalId === row.id)
        .flatMap((p) => cities.get(p.cityId)?.ref ?? []);
      if (!takesPart([lead, ...partnerRefs], filters)) return [];
      return [
        {
          id: row.id,
          title: row.title,
          publicSummary: row.publicSummary ?? '',
          status: row.status,
          leadCity: lead,
          partners: partnerRefs,
          fields: fieldRows.filter((f) => f.id === row.id).map((f) => named(f.named)),
          themes: themeRows.filter((t) => t.id === row.id).map((t) => named(t.named)),
          startDate: row.startDate,
          endDate: row.endDate,
        },
      ];
    });

    return {
      initiatives: initiativeViews,
      proposals: proposalViews,
      fields: (
        await this.db.select().from(creativeFields).orderBy(asc(creativeFields.position))
      ).map(named),
      regions: (await this.db.select().from(regions).orderBy(asc(regions.name))).map(named),
    };
  }
}
