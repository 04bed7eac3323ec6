// Names shown to the user in the current language: fields, regions, countries and roles.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFields, useRegions } from '../api/queries';
import type { UserRole } from '../api/types';
import { type Language, toLanguage } from './index';

/** Picks the French name in French, the English one otherwise. */
export function localizedName(item: { name: string; nameFr: string }, lang: Language): string {
  return lang === 'fr' && item.nameFr !== '' ? item.nameFr : item.name;
}

const displayNames = new Map<Language, Intl.DisplayNames | null>();

function regionDisplayNames(lang: Language): Intl.DisplayNames | null {
  if (!displayNames.has(lang)) {
    const supported = typeof Intl.DisplayNames === 'function';
    displayNames.set(
      lang,
      supported ? new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }) : null,
    );
  }
  return displayNames.get(lang) ?? null;
}

/**
 * A country's name in `lang` from its ISO code, via the browser; `fallback` (the API's English
 * name) when the browser does not know the code.
 *
 * @example countryName('JP', 'fr', 'Japan') // 'Japon'
 */
export function countryName(iso2: string, lang: Language, fallback: string): string {
  try {
    const name = regionDisplayNames(lang)?.of(iso2.toUpperCase());
    return name && name !== iso2.toUpperCase() ? name : fallback;
  } catch {
    // `of` throws a RangeError for a malformed code; the API's name is right then.
    return fallback;
  }
}

export interface Names {
  lang: Language;
  field: (slug: string, fallback: string) => string;
  region: (slug: string, fallback: string) => string;
  country: (iso2: string, fallback: string) => string;
  role: (role: UserRole) => string;
}

/** Localized names for the current language, backed by the cached reference data. */
export function useNames(): Names {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const fields = useFields().data;
  const regions = useRegions().data;

  const fieldBySlug = useMemo(() => new Map(fields?.map((f) => [f.slug, f])), [fields]);
  const regionBySlug = useMemo(() => new Map(regions?.map((r) => [r.slug, r])), [regions]);

  const field = useCallback(
    (slug: string, fallback: string) => {
      const found = fieldBySlug.get(slug);
      return found ? localizedName(found, lang) : fallback;
    },
    [fieldBySlug, lang],
  );
  const region = useCallback(
    (slug: string, fallback: string) => {
      const found = regionBySlug.get(slug);
      return found ? localizedName(found, lang) : fallback;
    },
    [regionBySlug, lang],
  );
  const country = useCallback(
    (iso2: string, fallback: string) => countryName(iso2, lang, fallback),
    [lang],
  );
  const role = useCallback((r: UserRole) => t(`roles.${r}`), [t]);

  return useMemo(
    () => ({ lang, field, region, country, role }),
    [lang, field, region, country, role],
  );
}
