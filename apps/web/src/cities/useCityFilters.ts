// The directory's filters and page as URL state, so that a view can be shared and Back restores it.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CityFilters } from '../api/types';
import { EMPTY_FILTERS, filtersToParams, parseFilters, updateFilter } from './filters';

export function useCityFilters(countryRegion: (iso2: string) => string | undefined) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const setFilter = useCallback(
    (key: keyof CityFilters, value: string) => {
      // Typing and picking refine one search: replace, so Back leaves the directory. A new
      // filter starts again from the first page (filtersToParams leaves the page out).
      setParams(filtersToParams(updateFilter(filters, key, value, countryRegion)), {
        replace: true,
      });
    },
    [filters, setParams, countryRegion],
  );

  const setPage = useCallback(
    (next: number) => {
      const nextParams = filtersToParams(filters);
      if (next > 1) nextParams.set('page', String(next));
      setParams(nextParams);
    },
    [filters, setParams],
  );

  const clear = useCallback(() => setParams(filtersToParams(EMPTY_FILTERS)), [setParams]);

  return { filters, page, setFilter, setPage, clear };
}
