// The cooperation graph and its measures, as pure functions over collaborations (proposals and
// initiatives with their cities) and the cities' field, region and country.

/** A proposal (lead + accepted partners) or an initiative (lead + partners). */
export interface Collaboration {
  kind: 'proposal' | 'initiative';
  id: string;
  /** A proposal's status, or an initiative's (`active`, `completed`). */
  status: string;
  /** Its start date's year, else the year it was created. */
  year: number;
  cityIds: readonly number[];
}

/** What the measures need of a city. */
export interface CityFacts {
  id: number;
  field: string;
  region: string;
  country: string;
}

export interface Edge {
  source: number;
  target: number;
  /** Collaborations the two cities share. */
  weight: number;
  proposals: number;
  initiatives: number;
  /** How many of them are in each status. */
  statuses: Record<string, number>;
}

/** Every pair of cities of each collaboration, counted once per collaboration. */
export function cooperationEdges(collaborations: readonly Collaboration[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const collaboration of collaborations) {
    const ids = [...new Set(collaboration.cityIds)].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const source = ids[i] as number;
        const target = ids[j] as number;
        const key = `${source}-${target}`;
        let edge = edges.get(key);
        if (!edge) {
          edge = { source, target, weight: 0, proposals: 0, initiatives: 0, statuses: {} };
          edges.set(key, edge);
        }
        edge.weight += 1;
        if (collaboration.kind === 'proposal') edge.proposals += 1;
        else edge.initiatives += 1;
        edge.statuses[collaboration.status] = (edge.statuses[collaboration.status] ?? 0) + 1;
      }
    }
  }
  return [...edges.values()].sort((a, b) => a.source - b.source || a.target - b.target);
}

export interface Shares {
  total: number;
  international: number;
  crossField: number;
  crossRegion: number;
  /** Each count over `total`; 0 when there is none. */
  internationalShare: number;
  crossFieldShare: number;
  crossRegionShare: number;
}

/**
 * How many collaborations have cities in more than one country, field and region, and their share.
 * @example shares([{ cityIds: [1, 2], … }], cities) // { total: 1, international: 1, … }
 */
export function shares(
  collaborations: readonly Collaboration[],
  cities: ReadonlyMap<number, CityFacts>,
): Shares {
  let international = 0;
  let crossField = 0;
  let crossRegion = 0;
  for (const { cityIds } of collaborations) {
    const facts = cityIds.flatMap((id) => cities.get(id) ?? []);
    const distinct = (key: keyof CityFacts) => new Set(facts.map((city) => city[key])).size > 1;
    if (distinct('country')) international += 1;
    if (distinct('field')) crossField += 1;
    if (distinct('region')) crossRegion += 1;
  }
  const total = collaborations.length;
  const share = (count: number) => (total === 0 ? 0 : count / total);
  return {
    total,
    international,
    crossField,
    crossRegion,
    internationalShare: share(international),
    crossFieldShare: share(crossField),
    crossRegionShare: share(crossRegion),
  };
}

export interface Matrix {
  keys: string[];
  /** `cells[i][j]`: the weight of edges between a city of `keys[i]` and one of `keys[j]`. */
  cells: number[][];
}

/**
 * The symmetric matrix of cooperation between groups of cities (regions, fields): each edge adds
 * its weight to both cells of its pair of groups (once, on the diagonal, within one group).
 */
export function cooperationMatrix(
  edges: readonly Edge[],
  groupOf: (cityId: number) => string | undefined,
  keys: readonly string[],
): Matrix {
  const index = new Map(keys.map((key, i) => [key, i]));
  const cells = keys.map(() => keys.map(() => 0));
  for (const edge of edges) {
    const a = index.get(groupOf(edge.source) ?? '');
    const b = index.get(groupOf(edge.target) ?? '');
    if (a === undefined || b === undefined) continue;
    (cells[a] as number[])[b] = ((cells[a] as number[])[b] ?? 0) + edge.weight;
    if (a !== b) (cells[b] as number[])[a] = ((cells[b] as number[])[a] ?? 0) + edge.weight;
  }
  return { keys: [...keys], cells };
}

/** The cities that share no collaboration with another city. */
export function withoutPartner(cityIds: Iterable<number>, edges: readonly Edge[]): number[] {
  const linked = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  return [...cityIds].filter((id) => !linked.has(id));
}

export interface YearCount {
  year: number;
  proposals: number;
  initiatives: number;
  /** Collaborations of the year with cities in more than one country. */
  international: number;
  /** Pairs of cities that cooperated for the first time that year. */
  newPairs: number;
}

/** Collaborations per year, oldest first, with the pairs of cities new that year. */
export function perYear(
  collaborations: readonly Collaboration[],
  cities: ReadonlyMap<number, CityFacts>,
): YearCount[] {
  const years = new Map<number, YearCount>();
  const seen = new Set<string>();
  const ordered = [...collaborations].sort((a, b) => a.year - b.year);
  for (const collaboration of ordered) {
    let entry = years.get(collaboration.year);
    if (!entry) {
      entry = {
        year: collaboration.year,
        proposals: 0,
        initiatives: 0,
        international: 0,
        newPairs: 0,
      };
      years.set(collaboration.year, entry);
    }
    if (collaboration.kind === 'proposal') entry.proposals += 1;
    else entry.initiatives += 1;
    if (shares([collaboration], cities).international === 1) entry.international += 1;
    for (const edge of cooperationEdges([collaboration])) {
      const key = `${edge.source}-${edge.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entry.newPairs += 1;
    }
  }
  return [...years.values()];
}
