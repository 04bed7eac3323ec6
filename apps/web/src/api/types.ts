// Shapes of the server's JSON API, as the web app reads them.

export type UserRole = 'secretariat' | 'focal_point' | 'member';
/** Roles a focal point or the Secretariat may invite someone to. */
export type InvitableRole = Exclude<UserRole, 'secretariat'>;

export interface City {
  id: number;
  slug: string;
  name: string;
  /** English country name; the app shows a localized one from `iso2`. */
  country: string;
  iso2: string;
  /** English region name; the app shows a localized one from `regionSlug`. */
  region: string;
  regionSlug: string;
  /** English field name; the app shows a localized one from `fieldSlug`. */
  field: string;
  fieldSlug: string;
  year: number | null;
  lat: number | null;
  lon: number | null;
}

export interface CityDetail extends City {
  unescoUrl: string | null;
}

export interface User {
  id: string;
  name: string;
  email: string;
  role: UserRole;
}

export interface Me {
  user: User;
  city: City | null;
}

export interface CreativeField {
  id: number;
  slug: string;
  name: string;
  nameFr: string;
}

export interface Region {
  slug: string;
  name: string;
  nameFr: string;
}

export interface Country {
  iso2: string;
  name: string;
  regionSlug: string;
}

export interface CityMember {
  id: string;
  name: string;
  role: UserRole;
}

export interface CityMemberWithEmail extends CityMember {
  email: string;
}

export interface DemoConfig {
  enabled: boolean;
  password: string | null;
  accounts: { email: string; label: string }[];
}

export interface PublicConfig {
  demo: DemoConfig;
}

export interface Invitation {
  id: string;
  email: string;
  role: InvitableRole;
  citySlug: string;
  expiresAt: string;
}

export interface CreatedInvitation {
  invitation: Invitation;
  /** Absolute URL of the acceptance page, to send to the invitee. */
  link: string;
}

export interface InvitationPreview {
  email: string;
  role: InvitableRole;
  city: City | null;
  /** Name of the person who sent the invitation. */
  invitedBy: string;
  expiresAt: string;
}

/** Filters of the city directory; an empty string means "any". */
export interface CityFilters {
  q: string;
  field: string;
  region: string;
  country: string;
}

/** What a city (or the requesting user) may do with a shared document. */
export type DocumentAccess = 'write' | 'read';

/** A city on a document's access list. */
export interface CityAccess {
  slug: string;
  access: DocumentAccess;
}

export interface DocumentCity extends CityAccess {
  name: string;
}

/** A shared document: its metadata; the body lives in the Yjs document at `/collab/<id>`. */
export interface SharedDocument {
  id: string;
  title: string;
  kind: 'document' | 'proposal';
  ownerCity: { slug: string; name: string } | null;
  /** What the requesting user may do. */
  access: DocumentAccess;
  /** Whether the requesting user may share, archive and restore from archive. */
  canManage: boolean;
  cities: DocumentCity[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export type VersionKind = 'named' | 'auto' | 'before-restore';

export interface DocumentVersion {
  id: string;
  kind: VersionKind;
  label: string | null;
  /** The name of who saved it; null for automatic versions. */
  createdBy: string | null;
  createdAt: string;
}

export interface VersionWithState {
  version: DocumentVersion;
  /** The version's Yjs state, as a base64 update. */
  state: string;
}
