// The map's key: one chip per field in its colour, each one a shortcut to filter by that field.
import { Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFields } from '../api/queries';
import { fieldCssColor } from '../fields/colors';
import { useNames } from '../i18n/names';

interface FieldLegendProps {
  selected: string;
  onSelect: (slug: string) => void;
}

export function FieldLegend({ selected, onSelect }: FieldLegendProps) {
  const { t } = useTranslation();
  const names = useNames();
  const fields = useFields().data ?? [];

  return (
    <Group gap={6} role="group" aria-label={t('cities.mapLegend')}>
      {fields.map((field) => {
        const active = selected === field.slug;
        return (
          <UnstyledButton
            key={field.slug}
            aria-pressed={active}
            onClick={() => onSelect(active ? '' : field.slug)}
            px={10}
            py={4}
            style={{
              borderRadius: 999,
              border: `1px solid ${active ? fieldCssColor(field.slug) : 'var(--mantine-color-gray-3)'}`,
              background: active ? 'var(--mantine-color-gray-0)' : 'transparent',
              opacity: selected === '' || active ? 1 : 0.6,
            }}
          >
            <Group gap={6} wrap="nowrap">
              <Box
                w={10}
                h={10}
                style={{ borderRadius: '50%', background: fieldCssColor(field.slug) }}
                aria-hidden
              />
              <Text fz="xs" fw={active ? 650 : 500}>
                {names.field(field.slug, field.name)}
              </Text>
            </Group>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}
