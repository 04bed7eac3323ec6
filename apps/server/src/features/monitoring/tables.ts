// The monitoring results as flat tables, for `?format=csv`.
import type { ActivityCounts } from './activity';
import { toCsv } from './csv';
import type { CooperationNetwork } from './network';
import type { CityReportStatus } from './reports';

type Graph = Awaited<ReturnType<CooperationNetwork['graph']>>;
type Measures = Awaited<ReturnType<CooperationNetwork['measures']>>;
type Activity = Awaited<ReturnType<ActivityCounts['counts']>>;
export type MeasuresTable =
  | 'centrality'
  | 'withoutPartner'
  | 'regionMatrix'
  | 'fieldMatrix'
  | 'perYear'
  | 'shares';

const cityColumns = (city: {
  slug: string;
  name: string;
  country: { iso2: string };
  region: { slug: string };
  field: { slug: string };
}) => ({
  city: city.slug,
  name: city.name,
  country: city.country.iso2,
  region: city.region.slug,
  field: city.field.slug,
});

/** One row per node, or per edge (statuses as `status:count` pairs separated by `;`). */
export function graphCsv(graph: Graph, table: 'edges' | 'nodes') {
  if (table === 'nodes') {
    return toCsv(
      [
        'city',
        'name',
        'country',
        'region',
        'field',
        'activity',
        'collaborations',
        'degree',
        'betweenness',
      ],
      graph.nodes.map(({ city, ...node }) => ({ ...node, ...cityColumns(city) })),
    );
  }
  return toCsv(
    ['source', 'target', 'weight', 'proposals', 'initiatives', 'statuses'],
    graph.edges.map((edge) => ({
      ...edge,
      statuses: Object.entries(edge.statuses)
        .map(([status, n]) => `${status}:${n}`)
        .join(';'),
    })),
  );
}

export function measuresCsv(measures: Measures, table: MeasuresTable) {
  switch (table) {
    case 'centrality':
      return toCsv(
        [
          'city',
          'name',
          'country',
          'region',
          'field',
          'degree',
          'betweenness',
          'normalizedBetweenness',
        ],
        measures.centrality.map(({ city, ...row }) => ({ ...row, ...cityColumns(city) })),
      );
    case 'withoutPartner':
      return toCsv(
        ['city', 'name', 'country', 'region', 'field'],
        measures.withoutPartner.map(cityColumns),
      );
    case 'regionMatrix':
    case 'fieldMatrix': {
      const { keys, cells } = measures[table];
      return toCsv(
        ['', ...keys],
        keys.map((key, i) => ({
          '': key,
          ...Object.fromEntries(keys.map((other, j) => [other, cells[i]?.[j] ?? 0])),
        })),
      );
    }
    case 'perYear':
      return toCsv(
        ['year', 'proposals', 'initiatives', 'international', 'newPairs'],
        measures.perYear,
      );
    case 'shares':
      return toCsv(
        [
          'kind',
          'total',
          'international',
          'crossField',
          'crossRegion',
          'internationalShare',
          'crossFieldShare',
          'crossRegionShare',
        ],
        [
          { kind: 'proposals', ...measures.proposals },
          { kind: 'initiatives', ...measures.initiatives },
        ],
      );
  }
}

/** All three activity tables in one: `table` says which a row belongs to. */
export function activityCsv(activity: Activity) {
  return toCsv(
    ['table', 'dimension', 'key', 'name', 'status', 'count'],
    [
      ...activity.proposalsByStatus.map((row) => ({ table: 'proposals', ...row })),
      ...activity.messagesByChannel.map((row) => ({
        table: 'messages',
        dimension: 'channel',
        key: row.channel,
        name: row.kind,
        status: '',
        count: row.messages,
      })),
      ...activity.activeCities.groups.map((row) => ({
        table: 'active_cities',
        status: '',
        ...row,
      })),
    ],
  );
}

export function reportsCsv(statuses: readonly CityReportStatus[]) {
  return toCsv(
    [
      'city',
      'name',
      'country',
      'region',
      'field',
      'designationYear',
      'lastCycle',
      'lastReceivedOn',
      'nextCycle',
      'nextDueDate',
      'overdue',
      'dueSoon',
      'missedCycles',
    ],
    statuses.map((s) => ({
      ...cityColumns(s.city),
      designationYear: s.city.designationYear,
      lastCycle: s.schedule?.lastCycle,
      lastReceivedOn: s.lastReceivedOn,
      nextCycle: s.schedule?.nextCycle,
      nextDueDate: s.schedule?.nextDueDate,
      overdue: s.schedule?.overdue,
      dueSoon: s.schedule?.dueSoon,
      missedCycles: s.schedule?.missedCycles,
    })),
  );
}
