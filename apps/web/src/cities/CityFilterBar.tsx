// Search box and field, region and country selects of the directory, with localized options.
import { Button, Grid, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountries, useFields, useRegions } from '../api/queries';
import type { CityFilters } from '../api/types';
import { useNames } from '../i18n/names';
import { hasActiveFilters } from './filters';

interface CityFilterBarProps {
  filters: CityFilters;
  onChange: (key: keyof CityFilters, value: string) => void;
  onClear: () => void;
}

export function CityFilterBar({ filters, onChange, onClear }: CityFilterBarProps) {
  const { t } = useTranslation();
  const names = useNames();
  const fields = useFields().data ?? [];
  const regions = useRegions().data ?? [];
  const countries = useCountries().data ?? [];

  // The box answers each keystroke; the URL (and the query) follows once typing pauses.
  const [q, setQ] = useState(filters.q);
  // Follow the URL (Back, Clear) but keep what is being typed, trailing space included.
  useEffect(
    () => setQ((current) => (current.trim() === filters.q ? current : filters.q)),
    [filters.q],
  );
  const commitQ = useDebouncedCallback((value: string) => onChange('q', value), 250);

  const collator = useMemo(() => new Intl.Collator(names.lang), [names.lang]);
  const byLabel = (a: { label: string }, b: { label: string }) =>
    collator.compare(a.label, b.label);

  const fieldOptions = fields.map((f) => ({ value: f.slug, label: names.field(f.slug, f.name) }));
  const regionOptions = regions.map((r) => ({
    value: r.slug,
    label: names.region(r.slug, r.name),
  }));
  const countryOptions = countries
    .filter((c) => filters.region === '' || c.regionSlug === filters.region)
    .map((c) => ({ value: c.iso2, label: names.country(c.iso2, c.name) }))
    .sort(byLabel);

  return (
    <Grid gap="md" align="flex-end">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <TextInput
          label={t('cities.search')}
          placeholder={t('cities.searchPlaceholder')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            commitQ(event.currentTarget.value);
          }}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xs: 4, md: 'auto' }}>
        <Select
          label={t('cities.field')}
          placeholder={t('cities.anyField')}
          data={fieldOptions}
          value={filters.field || null}
          onChange={(value) => onChange('field', value ?? '')}
          clearable
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xs: 4, md: 'auto' }}>
        <Select
          label={t('cities.region')}
          placeholder={t('cities.anyRegion')}
          data={regionOptions}
          value={filters.region || null}
          onChange={(value) => onChange('region', value ?? '')}
          clearable
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xs: 4, md: 'auto' }}>
        <Select
          label={t('cities.country')}
          placeholder={t('cities.anyCountry')}
          data={countryOptions}
          value={filters.country || null}
          onChange={(value) => onChange('country', value ?? '')}
          searchable
          clearable
          nothingFoundMessage={t('cities.noResults')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 'content' }}>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={() => {
            setQ('');
            onClear();
          }}
          disabled={!hasActiveFilters(filters)}
          fullWidth
        >
          {t('cities.clear')}
        </Button>
      </Grid.Col>
    </Grid>
  );
}
