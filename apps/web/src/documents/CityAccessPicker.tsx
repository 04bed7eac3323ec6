// Chooses the cities a document is shared with, each allowed to edit or only to read.
import {
  ActionIcon,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCities } from '../api/queries';
import type { CityAccess, DocumentAccess } from '../api/types';
import { EMPTY_FILTERS } from '../cities/filters';
import { useNames } from '../i18n/names';
import { withAccess, withCities } from './access';

const asAccess = (value: string): DocumentAccess => (value === 'read' ? 'read' : 'write');

interface CityAccessPickerProps {
  value: CityAccess[];
  onChange: (value: CityAccess[]) => void;
  /** The owner city: it always writes, so it is not offered. */
  ownerSlug: string | null;
  disabled?: boolean;
}

export function CityAccessPicker({ value, onChange, ownerSlug, disabled }: CityAccessPickerProps) {
  const { t } = useTranslation();
  const names = useNames();
  const cities = useCities(EMPTY_FILTERS);
  const [search, setSearch] = useState('');
  const bySlug = useMemo(() => new Map(cities.data?.map((c) => [c.slug, c])), [cities.data]);
  const chosen = new Set(value.map((entry) => entry.slug));
  const options = (cities.data ?? [])
    .filter((city) => city.slug !== ownerSlug && !chosen.has(city.slug))
    .map((city) => ({
      value: city.slug,
      label: `${city.name} (${names.country(city.iso2, city.country)})`,
    }));
  const accessOptions = [
    { value: 'write', label: t('documents.access.write') },
    { value: 'read', label: t('documents.access.read') },
  ];

  return (
    <Stack gap="sm">
      <Select
        label={t('documents.share.addCity')}
        placeholder={cities.isPending ? t('cities.loading') : t('documents.share.searchCity')}
        data={options}
        value={null}
        searchValue={search}
        onSearchChange={setSearch}
        onChange={(slug) => {
          if (!slug) return;
          onChange(withCities(value, [...value.map((entry) => entry.slug), slug]));
          setSearch('');
        }}
        searchable
        limit={30}
        nothingFoundMessage={t('cities.noResults')}
        disabled={disabled}
      />
      {value.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('documents.share.none')}
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <Stack gap={0} role="list" aria-label={t('documents.share.listLabel')}>
            {value.map((entry, index) => {
              const name = bySlug.get(entry.slug)?.name ?? entry.slug;
              return (
                <Group
                  key={entry.slug}
                  role="listitem"
                  justify="space-between"
                  wrap="nowrap"
                  px="md"
                  py={8}
                  style={
                    index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined
                  }
                >
                  <Text fw={550} fz="sm" truncate>
                    {name}
                  </Text>
                  <Group gap="xs" wrap="nowrap">
                    <SegmentedControl
                      size="xs"
                      data={accessOptions}
                      value={entry.access}
                      onChange={(access) =>
                        onChange(withAccess(value, entry.slug, asAccess(access)))
                      }
                      aria-label={t('documents.share.accessFor', { city: name })}
                      disabled={disabled}
                    />
                    <Tooltip label={t('documents.share.remove', { city: name })}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('documents.share.remove', { city: name })}
                        onClick={() => onChange(value.filter((other) => other.slug !== entry.slug))}
                        disabled={disabled}
                      >
                        <IconX size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Group>
              );
            })}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
