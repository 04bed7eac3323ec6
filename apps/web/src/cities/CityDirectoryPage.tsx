// /cities: search and filter the network's member cities, on a world map and in a table.
import { Group, Loader, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCities, useCountries } from '../api/queries';
import type { City } from '../api/types';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { CityMap } from '../map';
import { CityFilterBar } from './CityFilterBar';
import { CityTable } from './CityTable';
import { FieldLegend } from './FieldLegend';
import { useCityFilters } from './useCityFilters';

/** Rows per page: the whole network is ~350 cities; the map shows them all at once. */
const PAGE_SIZE = 50;

export function CityDirectoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('cities.title'));
  const navigate = useNavigate();
  const countries = useCountries().data;
  const regionOf = useMemo(
    () => new Map(countries?.map((c) => [c.iso2, c.regionSlug])),
    [countries],
  );
  const countryRegion = useCallback((iso2: string) => regionOf.get(iso2), [regionOf]);
  const { filters, page, setFilter, setPage, clear } = useCityFilters(countryRegion);
  const cities = useCities(filters);
  const open = useCallback((city: City) => void navigate(`/cities/${city.slug}`), [navigate]);

  const tableTop = useRef<HTMLDivElement>(null);
  const list = cities.data ?? [];
  const unplaced = list.filter((c) => c.lat === null || c.lon === null).length;
  const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const from = (current - 1) * PAGE_SIZE;
  const shown = list.slice(from, from + PAGE_SIZE);

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('cities.title')}</Title>
        <Text c="dimmed" fz="lg" mt={4}>
          {t('cities.subtitle')}
        </Text>
      </div>

      <Paper withBorder p="lg" role="search">
        <CityFilterBar filters={filters} onChange={setFilter} onClear={clear} />
      </Paper>

      {cities.isError ? (
        <QueryError error={cities.error} onRetry={() => void cities.refetch()} />
      ) : (
        <>
          <Group justify="space-between" align="center" gap="sm">
            <Group gap="xs" aria-live="polite" aria-atomic="true">
              <Text fw={650} fz="lg" data-testid="city-count">
                {cities.isPending ? t('cities.loading') : t('cities.count', { count: list.length })}
              </Text>
              {cities.isFetching && !cities.isPending && <Loader size="xs" aria-hidden />}
            </Group>
            <FieldLegend selected={filters.field} onSelect={(slug) => setFilter('field', slug)} />
          </Group>

          <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
            <CityMap cities={list} onOpen={open} />
            {unplaced > 0 && (
              <Text fz="xs" c="dimmed" mt={4}>
                {t('cities.notOnMap', { count: unplaced })}
              </Text>
            )}
          </Paper>

          <div ref={tableTop} style={{ scrollMarginTop: 84 }} />
          {!cities.isPending && list.length === 0 ? (
            <Paper withBorder p="xl">
              <Stack align="center" gap={6} ta="center">
                <IconMapSearch size={40} color="var(--mantine-color-gray-5)" aria-hidden />
                <Text fw={650}>{t('cities.noResults')}</Text>
                <Text c="dimmed" fz="sm">
                  {t('cities.noResultsHint')}
                </Text>
              </Stack>
            </Paper>
          ) : (
            <Stack gap="md">
              <Paper withBorder style={{ overflow: 'hidden' }}>
                <CityTable cities={shown} />
              </Paper>
              {pages > 1 && (
                <Group justify="space-between" gap="sm">
                  <Text fz="sm" c="dimmed">
                    {t('cities.showing', {
                      from: from + 1,
                      to: from + shown.length,
                      count: list.length,
                    })}
                  </Text>
                  <nav aria-label={t('cities.pages')}>
                    <Pagination
                      total={pages}
                      value={current}
                      onChange={(next) => {
                        setPage(next);
                        tableTop.current?.scrollIntoView({ block: 'start' });
                      }}
                      getItemProps={(n) => ({
                        'aria-label': t('cities.page', { page: n }),
                        'aria-current': n === current ? 'page' : undefined,
                      })}
                      getControlProps={(control) =>
                        control === 'previous'
                          ? { 'aria-label': t('cities.previousPage') }
                          : control === 'next'
                            ? { 'aria-label': t('cities.nextPage') }
                            : {}
                      }
                    />
                  </nav>
                </Group>
              )}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
