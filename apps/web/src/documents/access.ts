// Who may create documents, and the edits of a document's access list (which cities, what access).
import type { CityAccess, DocumentAccess, Me } from '../api/types';

/** People of a member city create documents; the Secretariat reads them all but owns none. */
export function canCreateDocuments(me: Me | null | undefined): boolean {
  return Boolean(me?.city);
}

/**
 * The access list for a new selection of cities: cities kept keep their access, new ones get
 * `access`, and the order follows the selection.
 *
 * @example withCities([{ slug: 'dakar', access: 'read' }], ['dakar', 'kanazawa'])
 *   // [{ slug: 'dakar', access: 'read' }, { slug: 'kanazawa', access: 'write' }]
 */
export function withCities(
  list: readonly CityAccess[],
  slugs: readonly string[],
  access: DocumentAccess = 'write',
): CityAccess[] {
  const current = new Map(list.map((entry) => [entry.slug, entry.access]));
  return [...new Set(slugs)].map((slug) => ({ slug, access: current.get(slug) ?? access }));
}

/** The list with one city's access changed; other cities are untouched. */
export function withAccess(
  list: readonly CityAccess[],
  slug: string,
  access: DocumentAccess,
): CityAccess[] {
  return list.map((entry) => (entry.slug === slug ? { slug, access } : entry));
}

/** Whether two access lists grant the same cities the same access, whatever their order. */
export function sameAccess(a: readonly CityAccess[], b: readonly CityAccess[]): boolean {
  if (a.length !== b.length) return false;
  const byCity = new Map(a.map((entry) => [entry.slug, entry.access]));
  return b.every((entry) => byCity.get(entry.slug) === entry.access);
}
