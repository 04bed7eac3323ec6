// Shape of /api/public/showcase as the web app reads it.
import type { PlacedCity } from '../initiatives/types';
import type { NamedRef } from '../proposals/types';

interface ShowcaseItem {
  id: string;
  title: string;
  leadCity: PlacedCity;
  partners: PlacedCity[];
  fields: NamedRef[];
  themes: NamedRef[];
  startDate: string | null;
  endDate: string | null;
  status: string;
}

export interface ShowcaseInitiative extends ShowcaseItem {
  description: string;
  links: { label: string; url: string }[];
  supportedAt: string | null;
  interCity: boolean;
  international: boolean;
  demo: boolean;
}

export interface ShowcaseProposal extends ShowcaseItem {
  publicSummary: string;
}

export interface Showcase {
  initiatives: ShowcaseInitiative[];
  proposals: ShowcaseProposal[];
  fields: NamedRef[];
  regions: NamedRef[];
}

export interface ShowcaseFilters {
  field: string;
  region: string;
}
