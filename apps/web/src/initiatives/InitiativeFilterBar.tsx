// Field, region, theme, support state and city selects of the initiative list.
import { Button, Grid, Select } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCities, useFields, useRegions } from '../api/queries';
import { EMPTY_FILTERS } from '../cities/filters';
import { localizedName, useNames } from '../i18n/names';
import { useThemes } from '../proposals/queries';
import { hasActiveInitiativeFilters } from './filters';
import { type InitiativeFilters, SUPPORT_STATES } from './types';

interface InitiativeFilterBarProps {
  filters: InitiativeFilters;
  onChange: (key: keyof InitiativeFilters, value: string) => void;
  onClear: () => void;
}

export function InitiativeFilterBar({ filters, onChange, onClear }: InitiativeFilterBarProps) {
  const { t } = useTranslation();
  const names = useNames();
  const fields = useFields().data ?? [];
  const regions = useRegions().data ?? [];
  const themes = useThemes().data ?? [];
  const cities = useCities(EMPTY_FILTERS).data ?? [];
  const collator = useMemo(() => new Intl.Collator(names.lang), [names.lang]);

  const selects: { key: keyof InitiativeFilters; label: string; data: SelectData }[] = [
    {
      key: 'field',
      label: t('initiatives.filters.field'),
      data: fields.map((f) => ({ value: f.slug, label: names.field(f.slug, f.name) })),
    },
    {
      key: 'region',
      label: t('initiatives.filters.region'),
      data: regions.map((r) => ({ value: r.slug, label: names.region(r.slug, r.name) })),
    },
    {
      key: 'theme',
      label: t('initiatives.filters.theme'),
      data: themes.map((theme) => ({ value: theme.slug, label: localizedName(theme, names.lang) })),
    },
    {
      key: 'support',
      label: t('initiatives.filters.support'),
      data: SUPPORT_STATES.map((s) => ({ value: s, label: t(`initiatives.support.${s}`) })),
    },
    {
      key: 'city',
      label: t('initiatives.filters.city'),
      data: cities
        .map((c) => ({ value: c.slug, label: c.name }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    },
  ];

  return (
    <Grid gap="md" align="flex-end">
      {selects.map(({ key, label, data }) => (
        <Grid.Col key={key} span={{ base: 12, xs: 6, sm: 4, md: 'auto' }}>
          <Select
            label={label}
            placeholder={t('initiatives.filters.any')}
            data={data}
            value={filters[key] || null}
            onChange={(value) => onChange(key, value ?? '')}
            searchable={key === 'city'}
            limit={key === 'city' ? 40 : undefined}
            clearable
          />
        </Grid.Col>
      ))}
      {hasActiveInitiativeFilters(filters) && (
        <Grid.Col span={{ base: 12, md: 'content' }}>
          <Button variant="subtle" leftSection={<IconX size={16} />} onClick={onClear}>
            {t('initiatives.filters.clear')}
          </Button>
        </Grid.Col>
      )}
    </Grid>
  );
}

type SelectData = { value: string; label: string }[];
