// The Secretariat's cooperation network: loads collaborations (proposals with their lead and
// accepted partners, initiatives with their lead and partners), filters them, and computes the
// graph and its measures with the pure functions of graph.ts and centrality.ts.
import { type Database, schema } from '@uccn/db';
import { and, count, eq, gte, isNotNull, lt } from 'drizzle-orm';
import type { CityRef } from '../initiatives/types';
import { type LoadedCity, loadCityRefs } from '../network-refs';
import { adjacency, betweenness, degree, normalizedBetweenness } from './centrality';
import {
  type CityFacts,
  type Collaboration,
  cooperationEdges,
  cooperationMatrix,
  type Edge,
  perYear,
  shares,
  withoutPartner,
} from './graph';

const { proposals, proposalPartners, initiatives, initiativePartners, activityLog } = schema;
const { regions, creativeFields } = schema;

export interface NetworkFilters {
  /** Field slug: collaborations with a city of this field, and all its cities as nodes. */
  field?: string | undefined;
  /** Region slug, the same way. */
  region?: string | undefined;
  /** Its start date's year, else the year it was created. */
  year?: number | undefined;
  /** A proposal or initiative status. */
  status?: string | undefined;
}

export interface GraphNode {
  city: CityRef;
  /** Entries in the activity log for the city (in `year` when filtered). */
  activity: number;
  collaborations: number;
  degree: number;
  betweenness: number;
}

export interface GraphEdge extends Omit<Edge, 'source' | 'target'> {
  source: string;
  target: string;
}

const yearOf = (start: string | null, created: Date) =>
  start ? Number(start.slice(0, 4)) : created.getUTCFullYear();

export class CooperationNetwork {
  constructor(private readonly db: Database) {}

  /** Every collaboration, unfiltered. */
  async collaborations(): Promise<Collaboration[]> {
    const proposalRows = await this.db.select().from(proposals);
    const accepted = await this.db
      .select({ id: proposalPartners.proposalId, cityId: proposalPartners.cityId })
      .from(proposalPartners)
      .where(eq(proposalPartners.status, 'accepted'));
    const initiativeRows = await this.db.select().from(initiatives);
    const partners = await this.db.select().from(initiativePartners);
    const byId = (rows: { id: string; cityId: number }[]) => {
      const map = new Map<string, number[]>();
      for (const row of rows) map.set(row.id, [...(map.get(row.id) ?? []), row.cityId]);
      return map;
    };
    const proposalCities = byId(accepted);
    const initiativeCities = byId(partners.map((p) => ({ id: p.initiativeId, cityId: p.cityId })));
    return [
      ...proposalRows.map(
        (row): Collaboration => ({
          kind: 'proposal',
          id: row.id,
          status: row.status,
          year: yearOf(row.startDate, row.createdAt),
          cityIds: [row.leadCityId, ...(proposalCities.get(row.id) ?? [])],
        }),
      ),
      ...initiativeRows.map(
        (row): Collaboration => ({
          kind: 'initiative',
          id: row.id,
          status: row.status,
          year: yearOf(row.startDate, row.createdAt),
          cityIds: [row.leadCityId, ...(initiativeCities.get(row.id) ?? [])],
        }),
      ),
    ];
  }

  /** The cities, the collaborations that pass the filters, and the cities that are nodes. */
  async filtered(filters: NetworkFilters) {
    const cities = await loadCityRefs(this.db);
    const inScope = (city: LoadedCity | undefined) =>
      city !== undefined &&
      (!filters.field || city.ref.field.slug === filters.field) &&
      (!filters.region || city.ref.region.slug === filters.region);
    const scoped = Boolean(filters.field || filters.region);
    const collaborations = (await this.collaborations()).filter(
      (c) =>
        (filters.year === undefined || c.year === filters.year) &&
        (!filters.status || c.status === filters.status) &&
        (!scoped || c.cityIds.some((id) => inScope(cities.get(id)))),
    );
    const nodeIds = new Set<number>();
    for (const city of cities.values()) if (inScope(city)) nodeIds.add(city.id);
    for (const c of collaborations) for (const id of c.cityIds) nodeIds.add(id);
    const facts = new Map<number, CityFacts>(
      [...cities.values()].map((city) => [
        city.id,
        {
          id: city.id,
          field: city.ref.field.slug,
          region: city.ref.region.slug,
          country: city.countryIso2,
        },
      ]),
    );
    return { cities, facts, collaborations, nodeIds: [...nodeIds] };
  }

  /** Nodes (cities, with activity and centrality) and edges (pairs working together). */
  async graph(filters: NetworkFilters) {
    const { cities, collaborations, nodeIds } = await this.filtered(filters);
    const edges = cooperationEdges(collaborations);
    const graph = adjacency(
      nodeIds,
      edges.map((e) => [e.source, e.target] as const),
    );
    const degrees = degree(graph);
    const between = betweenness(graph);
    const activity = await this.activityCounts(filters.year);
    const involvement = new Map<number, number>();
    for (const c of collaborations) {
      for (const id of new Set(c.cityIds)) involvement.set(id, (involvement.get(id) ?? 0) + 1);
    }
    const slug = (id: number) => cities.get(id)?.ref.slug ?? String(id);
    return {
      nodes: nodeIds.flatMap((id): GraphNode[] => {
        const city = cities.get(id);
        if (!city) return [];
        return [
          {
            city: city.ref,
            activity: activity.get(id) ?? 0,
            collaborations: involvement.get(id) ?? 0,
            degree: degrees.get(id) ?? 0,
            betweenness: between.get(id) ?? 0,
          },
        ];
      }),
      edges: edges.map(
        (e): GraphEdge => ({ ...e, source: slug(e.source), target: slug(e.target) }),
      ),
    };
  }

  /** Shares, matrices, cities without a partner, centrality and change over time. */
  async measures(filters: NetworkFilters) {
    const { cities, facts, collaborations, nodeIds } = await this.filtered(filters);
    const edges = cooperationEdges(collaborations);
    const graph = adjacency(
      nodeIds,
      edges.map((e) => [e.source, e.target] as const),
    );
    const degrees = degree(graph);
    const between = betweenness(graph);
    const normalized = normalizedBetweenness(graph);
    const regionKeys = (await this.db.select({ slug: regions.slug }).from(regions))
      .map((r) => r.slug)
      .sort();
    const fieldKeys = (
      await this.db
        .select({ slug: creativeFields.slug })
        .from(creativeFields)
        .orderBy(creativeFields.position)
    ).map((f) => f.slug);
    const ref = (id: number) => cities.get(id)?.ref;
    return {
      proposals: shares(
        collaborations.filter((c) => c.kind === 'proposal'),
        facts,
      ),
      initiatives: shares(
        collaborations.filter((c) => c.kind === 'initiative'),
        facts,
      ),
      regionMatrix: cooperationMatrix(edges, (id) => facts.get(id)?.region, regionKeys),
      fieldMatrix: cooperationMatrix(edges, (id) => facts.get(id)?.field, fieldKeys),
      withoutPartner: withoutPartner(nodeIds, edges).flatMap((id) => ref(id) ?? []),
      centrality: nodeIds
        .filter((id) => (degrees.get(id) ?? 0) > 0)
        .flatMap((id) => {
          const city = ref(id);
          return city
            ? [
                {
                  city,
                  degree: degrees.get(id) ?? 0,
                  betweenness: between.get(id) ?? 0,
                  normalizedBetweenness: normalized.get(id) ?? 0,
                },
              ]
            : [];
        })
        .sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree),
      perYear: perYear(collaborations, facts),
    };
  }

  /** Activity-log entries per city, in one year or all time. */
  private async activityCounts(year: number | undefined) {
    const rows = await this.db
      .select({ cityId: activityLog.cityId, n: count() })
      .from(activityLog)
      .where(
        and(
          isNotNull(activityLog.cityId),
          year === undefined ? undefined : gte(activityLog.at, new Date(Date.UTC(year, 0, 1))),
          year === undefined ? undefined : lt(activityLog.at, new Date(Date.UTC(year + 1, 0, 1))),
        ),
      )
      .groupBy(activityLog.cityId);
    return new Map(rows.flatMap((row) => (row.cityId === null ? [] : [[row.cityId, row.n]])));
  }
}
