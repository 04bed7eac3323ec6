// Shapes of /api/monitoring/* as the web app reads them.
import type { PlacedCity } from '../initiatives/types';

/** The network's filters; an empty string means "any". */
export interface NetworkFilters {
  field: string;
  region: string;
  year: string;
  status: string;
}

export interface GraphNode {
  city: PlacedCity;
  activity: number;
  collaborations: number;
  degree: number;
  betweenness: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
  proposals: number;
  initiatives: number;
  statuses: Record<string, number>;
}

export interface CooperationGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Shares {
  total: number;
  international: number;
  crossField: number;
  crossRegion: number;
  internationalShare: number;
  crossFieldShare: number;
  crossRegionShare: number;
}

export interface Matrix {
  keys: string[];
  cells: number[][];
}

export interface Measures {
  proposals: Shares;
  initiatives: Shares;
  regionMatrix: Matrix;
  fieldMatrix: Matrix;
  withoutPartner: PlacedCity[];
  centrality: {
    city: PlacedCity;
    degree: number;
    betweenness: number;
    normalizedBetweenness: number;
  }[];
  perYear: {
    year: number;
    proposals: number;
    initiatives: number;
    international: number;
    newPairs: number;
  }[];
}

export interface ReportStatus {
  city: PlacedCity;
  schedule: {
    nextCycle: number;
    nextDueDate: string;
    overdue: boolean;
    dueSoon: boolean;
    missedCycles: number;
    lastCycle: number | null;
  } | null;
  lastReceivedOn: string | null;
  lastLink: string | null;
}

export interface ReportInput {
  city: string;
  receivedOn: string;
  link?: string;
  note?: string;
}

/** One person live in a place (GET /api/presence); several tabs count once. */
export interface PersonLive {
  userId: string;
  name: string;
  city: string | null;
  citySlug: string | null;
  since: string;
  connections: number;
  nodes: string[];
}

export interface PlaceLive {
  id: string;
  title: string | null;
  people: PersonLive[];
}

/** Everything live now (GET /api/presence, the Secretariat only). */
export interface PresenceOverview {
  people: number;
  connections: number;
  documents: PlaceLive[];
  threads: PlaceLive[];
  cities: { slug: string | null; name: string | null; people: number }[];
  fields: { field: string; people: number }[];
}

/** A count in one group: a field, region, country or year. */
export interface ActivityGroup {
  dimension: 'field' | 'region' | 'country' | 'year';
  key: string;
  name: string;
  count: number;
}

/** GET /api/monitoring/activity. */
export interface Activity {
  period: { from: string | null; to: string | null };
  proposalsByStatus: (ActivityGroup & { status: string })[];
  messagesByChannel: { channel: string; kind: string; messages: number }[];
  activeCities: { total: number; groups: ActivityGroup[] };
}
