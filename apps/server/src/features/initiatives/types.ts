// The shapes initiatives take on the wire, shared by the service, the views, the showcase and
// the routes.
import type { InitiativeLink, InitiativeStatus, SupportState } from '@uccn/db';

export interface NamedRef {
  slug: string;
  name: string;
  nameFr: string;
}

/** A city with what a badge, the cooperation flags and a map need, names in English and French. */
export interface CityRef {
  slug: string;
  name: string;
  country: { iso2: string; name: string };
  region: NamedRef;
  field: NamedRef;
  designationYear: number | null;
  lat: number | null;
  lon: number | null;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface SupportEntry {
  from: SupportState;
  to: SupportState;
  by: PersonRef | null;
  note: string;
  at: string;
}

export interface InitiativeView {
  id: string;
  title: string;
  description: string;
  leadCity: CityRef;
  partners: CityRef[];
  fields: NamedRef[];
  themes: NamedRef[];
  links: InitiativeLink[];
  startDate: string | null;
  endDate: string | null;
  status: InitiativeStatus;
  support: SupportState;
  /** The Secretariat's latest note; the initiative's cities and the Secretariat see it. */
  decisionNote: string | null;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  interCity: boolean;
  international: boolean;
  /** Seeded demo content. */
  demo: boolean;
  actions: { edit: boolean; support: boolean; withdraw: boolean };
  createdAt: string;
  updatedAt: string;
}

export interface InitiativeInput {
  title?: string | undefined;
  description?: string | undefined;
  /** City slugs; the lead city is left out. */
  partners?: string[] | undefined;
  fields?: string[] | undefined;
  themes?: string[] | undefined;
  links?: InitiativeLink[] | undefined;
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  status?: InitiativeStatus | undefined;
}

export interface InitiativeFilters {
  field?: string | undefined;
  region?: string | undefined;
  theme?: string | undefined;
  support?: SupportState | undefined;
  city?: string | undefined;
  status?: InitiativeStatus | undefined;
  limit: number;
}
