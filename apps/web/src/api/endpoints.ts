// One typed function per API endpoint the web app calls.
import { citiesApiPath } from '../cities/filters';
import { ApiError, apiRequest } from './client';
import type {
  City,
  CityAccess,
  CityDetail,
  CityFilters,
  CityMember,
  CityMemberWithEmail,
  Country,
  CreatedInvitation,
  CreativeField,
  DocumentVersion,
  InvitableRole,
  InvitationPreview,
  Me,
  PublicConfig,
  Region,
  SharedDocument,
  User,
  VersionWithState,
} from './types';

const enc = encodeURIComponent;

export function getPublicConfig(): Promise<PublicConfig> {
  return apiRequest<PublicConfig>('/api/public-config');
}

/** The signed-in user, or null when signed out (the server answers 401). */
export async function getMe(): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function signIn(credentials: { email: string; password: string }): Promise<unknown> {
  return apiRequest('/api/auth/sign-in/email', { method: 'POST', body: credentials });
}

export function signOut(): Promise<unknown> {
  return apiRequest('/api/auth/sign-out', { method: 'POST', body: {} });
}

export async function getFields(): Promise<CreativeField[]> {
  return (await apiRequest<{ fields: CreativeField[] }>('/api/fields')).fields;
}

export async function getRegions(): Promise<Region[]> {
  return (await apiRequest<{ regions: Region[] }>('/api/regions')).regions;
}

export async function getCountries(): Promise<Country[]> {
  return (await apiRequest<{ countries: Country[] }>('/api/countries')).countries;
}

export async function getCities(filters: CityFilters, signal?: AbortSignal): Promise<City[]> {
  const options = signal ? { signal } : {};
  return (await apiRequest<{ cities: City[] }>(citiesApiPath(filters), options)).cities;
}

export function getCity(slug: string): Promise<{ city: CityDetail; members: CityMember[] | null }> {
  return apiRequest(`/api/cities/${enc(slug)}`);
}

export async function getCityMembers(slug: string): Promise<CityMemberWithEmail[]> {
  const path = `/api/cities/${enc(slug)}/members`;
  return (await apiRequest<{ members: CityMemberWithEmail[] }>(path)).members;
}

export function createInvitation(input: {
  email: string;
  role: InvitableRole;
  citySlug: string;
}): Promise<CreatedInvitation> {
  return apiRequest('/api/invitations', { method: 'POST', body: input });
}

export async function getInvitation(token: string): Promise<InvitationPreview> {
  const path = `/api/invitations/${enc(token)}`;
  return (await apiRequest<{ invitation: InvitationPreview }>(path)).invitation;
}

export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
): Promise<User> {
  const path = `/api/invitations/${enc(token)}/accept`;
  return (await apiRequest<{ user: User }>(path, { method: 'POST', body: input })).user;
}

/** Documents the user may read, most recently changed first; archived ones only when asked. */
export async function getDocuments(includeArchived: boolean): Promise<SharedDocument[]> {
  const path = `/api/documents${includeArchived ? '?archived=true' : ''}`;
  return (await apiRequest<{ documents: SharedDocument[] }>(path)).documents;
}

export async function getDocument(id: string): Promise<SharedDocument> {
  return (await apiRequest<{ document: SharedDocument }>(`/api/documents/${enc(id)}`)).document;
}

export async function createDocument(input: {
  title: string;
  cities: CityAccess[];
}): Promise<SharedDocument> {
  const body = await apiRequest<{ document: SharedDocument }>('/api/documents', {
    method: 'POST',
    body: input,
  });
  return body.document;
}

export async function updateDocument(
  id: string,
  change: { title?: string; archived?: boolean },
): Promise<SharedDocument> {
  const path = `/api/documents/${enc(id)}`;
  return (await apiRequest<{ document: SharedDocument }>(path, { method: 'PATCH', body: change }))
    .document;
}

export async function setDocumentAccess(id: string, cities: CityAccess[]): Promise<SharedDocument> {
  const path = `/api/documents/${enc(id)}/access`;
  return (await apiRequest<{ document: SharedDocument }>(path, { method: 'PUT', body: { cities } }))
    .document;
}

export async function getVersions(documentId: string): Promise<DocumentVersion[]> {
  const path = `/api/documents/${enc(documentId)}/versions`;
  return (await apiRequest<{ versions: DocumentVersion[] }>(path)).versions;
}

export async function createVersion(documentId: string, label: string): Promise<DocumentVersion> {
  const path = `/api/documents/${enc(documentId)}/versions`;
  return (await apiRequest<{ version: DocumentVersion }>(path, { method: 'POST', body: { label } }))
    .version;
}

export function getVersion(documentId: string, versionId: string): Promise<VersionWithState> {
  return apiRequest(`/api/documents/${enc(documentId)}/versions/${enc(versionId)}`);
}

export function restoreVersion(
  documentId: string,
  versionId: string,
): Promise<{ restored: string; beforeRestore: DocumentVersion }> {
  const path = `/api/documents/${enc(documentId)}/versions/${enc(versionId)}/restore`;
  return apiRequest(path, { method: 'POST', body: {} });
}
