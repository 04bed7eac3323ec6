// The shapes proposals take on the wire, shared by the service, the views and the routes.
import type { Milestone, PartnerStatus, ProposalStatus } from '@uccn/db';
import type { AllowedActions } from './workflow';

export interface NamedRef {
  slug: string;
  name: string;
  nameFr: string;
}

/** A city as a proposal shows it: enough for a badge, the flags and a small map. */
export interface CityRef {
  slug: string;
  name: string;
  country: { iso2: string; name: string };
  region: { slug: string; name: string };
  field: NamedRef;
  lat: number | null;
  lon: number | null;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface PartnerView {
  city: CityRef;
  status: PartnerStatus;
  invitedBy: PersonRef | null;
  invitedAt: string;
  respondedBy: PersonRef | null;
  respondedAt: string | null;
}

export interface ProposalView {
  id: string;
  title: string;
  summary: string;
  status: ProposalStatus;
  documentId: string;
  leadCity: CityRef;
  partners: PartnerView[];
  fields: NamedRef[];
  sdgs: { number: number; name: string; nameFr: string }[];
  sdgTargets: { code: string; goal: number; text: string }[];
  themes: NamedRef[];
  budget: { amount: number; currency: string } | null;
  startDate: string | null;
  endDate: string | null;
  milestones: Milestone[];
  /** The Secretariat's latest note; only the proposal's cities and the Secretariat see it. */
  decisionNote: string | null;
  publicSummary: string | null;
  international: boolean;
  crossField: boolean;
  /** What the requesting user may do now. */
  actions: AllowedActions;
  createdBy: PersonRef | null;
  createdAt: string;
  updatedAt: string;
}

/** The details a writer sets on create and update; lists replace what was there. */
export interface ProposalDetailsInput {
  title?: string | undefined;
  summary?: string | undefined;
  /** Creative field slugs. */
  fields?: string[] | undefined;
  /** Goal numbers; a target's goal is added to them. */
  sdgs?: number[] | undefined;
  /** Target codes, e.g. `11.4`. */
  sdgTargets?: string[] | undefined;
  /** Theme slugs. */
  themes?: string[] | undefined;
  budget?: { amount: number; currency: string } | null | undefined;
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  milestones?: Milestone[] | undefined;
}

export interface ProposalFilters {
  /** `mine`: the user's city leads it or is invited or a partner; `all`: everything visible. */
  scope: 'mine' | 'all';
  status?: ProposalStatus | undefined;
  field?: string | undefined;
  region?: string | undefined;
  sdg?: number | undefined;
  theme?: string | undefined;
  city?: string | undefined;
  q?: string | undefined;
  limit: number;
}

export interface HistoryEntry {
  from: ProposalStatus | null;
  to: ProposalStatus;
  by: (PersonRef & { city: string | null }) | null;
  note: string | null;
  at: string;
}
