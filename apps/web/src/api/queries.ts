// React Query hooks over the API: one query key per resource, shared by every page.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  getCities,
  getCity,
  getCityMembers,
  getCountries,
  getDocument,
  getDocuments,
  getFields,
  getInvitation,
  getMe,
  getPublicConfig,
  getRegions,
  getVersion,
  getVersions,
} from './endpoints';
import type { CityFilters } from './types';

/** Query keys, so that mutations invalidate exactly what they change. */
export const queryKeys = {
  me: ['me'] as const,
  publicConfig: ['public-config'] as const,
  fields: ['fields'] as const,
  regions: ['regions'] as const,
  countries: ['countries'] as const,
  cities: (filters: CityFilters) => ['cities', filters] as const,
  city: (slug: string) => ['city', slug] as const,
  cityMembers: (slug: string) => ['city-members', slug] as const,
  invitation: (token: string) => ['invitation', token] as const,
  documents: (includeArchived: boolean) => ['documents', includeArchived] as const,
  document: (id: string) => ['document', id] as const,
  versions: (documentId: string) => ['versions', documentId] as const,
  version: (documentId: string, versionId: string) => ['version', documentId, versionId] as const,
};

// Reference data changes a few times a year; one fetch per visit is plenty.
const REFERENCE = { staleTime: Number.POSITIVE_INFINITY } as const;

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 60_000 });
}

export function usePublicConfig() {
  return useQuery({ queryKey: queryKeys.publicConfig, queryFn: getPublicConfig, ...REFERENCE });
}

export function useFields() {
  return useQuery({ queryKey: queryKeys.fields, queryFn: getFields, ...REFERENCE });
}

export function useRegions() {
  return useQuery({ queryKey: queryKeys.regions, queryFn: getRegions, ...REFERENCE });
}

export function useCountries() {
  return useQuery({ queryKey: queryKeys.countries, queryFn: getCountries, ...REFERENCE });
}

export function useCities(filters: CityFilters) {
  return useQuery({
    queryKey: queryKeys.cities(filters),
    queryFn: ({ signal }) => getCities(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** The city page's data; its members list depends on who is signed in. */
export function useCity(slug: string) {
  const me = useMe();
  return useQuery({
    queryKey: [...queryKeys.city(slug), me.data?.user.id ?? null],
    queryFn: () => getCity(slug),
    enabled: !me.isPending,
  });
}

export function useCityMembers(slug: string | null) {
  return useQuery({
    queryKey: queryKeys.cityMembers(slug ?? ''),
    queryFn: () => getCityMembers(slug ?? ''),
    enabled: slug !== null,
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: () => getInvitation(token),
    retry: false,
  });
}

export function useDocuments(includeArchived: boolean) {
  const me = useMe();
  return useQuery({
    queryKey: [...queryKeys.documents(includeArchived), me.data?.user.id ?? null],
    queryFn: () => getDocuments(includeArchived),
    enabled: Boolean(me.data),
    placeholderData: keepPreviousData,
  });
}

/** One document's metadata; polled, so that a rename or a change of access shows up. */
export function useDocument(id: string) {
  return useQuery({
    queryKey: queryKeys.document(id),
    queryFn: () => getDocument(id),
    refetchInterval: 60_000,
  });
}

export function useVersions(documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.versions(documentId),
    queryFn: () => getVersions(documentId),
    enabled,
  });
}

export function useVersion(documentId: string, versionId: string | null) {
  return useQuery({
    queryKey: queryKeys.version(documentId, versionId ?? ''),
    queryFn: () => getVersion(documentId, versionId ?? ''),
    enabled: versionId !== null,
    // A version never changes once saved.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
