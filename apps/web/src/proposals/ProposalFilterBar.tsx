// Search box and status, field, region, SDG, theme and city selects of the proposal list.
import { Button, Grid, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCities, useFields, useRegions } from '../api/queries';
import { EMPTY_FILTERS } from '../cities/filters';
import { localizedName, useNames } from '../i18n/names';
import { hasActiveFilters } from './filters';
import { useSdgs, useThemes } from './queries';
import { PROPOSAL_STATUSES, type ProposalFilters } from './types';

type FilterKey = Exclude<keyof ProposalFilters, 'scope'>;

interface ProposalFilterBarProps {
  filters: ProposalFilters;
  onChange: (key: FilterKey, value: string) => void;
  onClear: () => void;
}

export function ProposalFilterBar({ filters, onChange, onClear }: ProposalFilterBarProps) {
  const { t } = useTranslation();
  const names = useNames();
  const fields = useFields().data ?? [];
  const regions = useRegions().data ?? [];
  const sdgs = useSdgs().data ?? [];
  const themes = useThemes().data ?? [];
  const cities = useCities(EMPTY_FILTERS).data ?? [];

  // The box answers each keystroke; the address (and the query) follows once typing pauses.
  const [q, setQ] = useState(filters.q);
  useEffect(
    () => setQ((current) => (current.trim() === filters.q ? current : filters.q)),
    [filters.q],
  );
  const commitQ = useDebouncedCallback((value: string) => onChange('q', value.trim()), 300);

  const collator = useMemo(() => new Intl.Collator(names.lang), [names.lang]);
  const selects: { key: FilterKey; label: string; any: string; data: SelectData }[] = [
    {
      key: 'status',
      label: t('proposals.filters.status'),
      any: t('proposals.filters.anyStatus'),
      data: PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposals.status.${s}`) })),
    },
    {
      key: 'field',
      label: t('proposals.filters.field'),
      any: t('proposals.filters.anyField'),
      data: fields.map((f) => ({ value: f.slug, label: names.field(f.slug, f.name) })),
    },
    {
      key: 'region',
      label: t('proposals.filters.region'),
      any: t('proposals.filters.anyRegion'),
      data: regions.map((r) => ({ value: r.slug, label: names.region(r.slug, r.name) })),
    },
    {
      key: 'sdg',
      label: t('proposals.filters.sdg'),
      any: t('proposals.filters.anySdg'),
      data: sdgs.map((g) => ({
        value: String(g.number),
        label: `${g.number} · ${localizedName(g, names.lang)}`,
      })),
    },
    {
      key: 'theme',
      label: t('proposals.filters.theme'),
      any: t('proposals.filters.anyTheme'),
      data: themes.map((theme) => ({ value: theme.slug, label: localizedName(theme, names.lang) })),
    },
    {
      key: 'city',
      label: t('proposals.filters.city'),
      any: t('proposals.filters.anyCity'),
      data: cities
        .map((c) => ({ value: c.slug, label: c.name }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    },
  ];

  return (
    <Grid gap="md" align="flex-end">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <TextInput
          label={t('proposals.filters.search')}
          placeholder={t('proposals.filters.searchPlaceholder')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            commitQ(event.currentTarget.value);
          }}
        />
      </Grid.Col>
      {selects.map(({ key, label, any, data }) => (
        <Grid.Col key={key} span={{ base: 12, xs: 6, sm: 4, md: 'auto' }}>
          <Select
            label={label}
            placeholder={any}
            data={data}
            value={filters[key] || null}
            onChange={(value) => onChange(key, value ?? '')}
            searchable={key === 'city' || key === 'sdg'}
            limit={key === 'city' ? 40 : undefined}
            clearable
            comboboxProps={{ width: key === 'sdg' || key === 'theme' ? 320 : undefined }}
          />
        </Grid.Col>
      ))}
      {hasActiveFilters(filters) && (
        <Grid.Col span={{ base: 12, md: 'content' }}>
          <Button variant="subtle" leftSection={<IconX size={16} />} onClick={onClear}>
            {t('proposals.filters.clear')}
          </Button>
        </Grid.Col>
      )}
    </Grid>
  );
}

type SelectData = { value: string; label: string }[];
