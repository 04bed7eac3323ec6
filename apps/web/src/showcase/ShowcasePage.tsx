// /showcase, open to everyone: supported initiatives and published proposals on the world map.
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../api/client';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { FieldBadge } from '../fields/FieldBadge';
import { localizedName, useNames } from '../i18n/names';
import { CityMap } from '../map';
import { involves, showcaseApiPath, showcaseCities } from './showcase-cities';
import type { Showcase, ShowcaseFilters, ShowcaseInitiative, ShowcaseProposal } from './types';

function ItemCard({
  item,
  kind,
}: {
  item: ShowcaseInitiative | ShowcaseProposal;
  kind: 'initiative' | 'proposal';
}) {
  const { t } = useTranslation();
  const text = 'publicSummary' in item ? item.publicSummary : item.description;
  return (
    <Paper withBorder p="md" data-testid={`showcase-${kind}`}>
      <Stack gap={6}>
        <Group gap={6}>
          <Badge
            variant="light"
            color={kind === 'initiative' ? 'teal' : 'blue'}
            tt="none"
            size="sm"
          >
            {t(`showcase.kind.${kind}`)}
          </Badge>
          {item.fields.map((f) => (
            <FieldBadge key={f.slug} slug={f.slug} name={f.name} size="sm" />
          ))}
        </Group>
        <Text fw={650}>{item.title}</Text>
        <Text fz="sm" lineClamp={4}>
          {text}
        </Text>
        <Text fz="sm" c="dimmed">
          {[item.leadCity, ...item.partners].map((c) => c.name).join(' · ')}
        </Text>
        {'links' in item &&
          item.links.map((link) => (
            <Anchor
              key={link.url}
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              fz="sm"
            >
              {link.label}
            </Anchor>
          ))}
      </Stack>
    </Paper>
  );
}

export function ShowcasePage() {
  const { t } = useTranslation();
  usePageTitle(t('showcase.title'));
  const names = useNames();
  const [filters, setFilters] = useState<ShowcaseFilters>({ field: '', region: '' });
  const [city, setCity] = useState<string | null>(null);
  const showcase = useQuery({
    queryKey: ['showcase', filters],
    queryFn: () => apiRequest<Showcase>(showcaseApiPath(filters)),
  });

  const data = showcase.data;
  const all = data ? [...data.initiatives, ...data.proposals] : [];
  const keep = <T extends ShowcaseInitiative | ShowcaseProposal>(items: T[]) =>
    city ? items.filter((item) => involves(item, city)) : items;
  const initiatives = keep(data?.initiatives ?? []);
  const proposals = keep(data?.proposals ?? []);

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('showcase.title')}</Title>
        <Text c="dimmed" fz="lg" mt={4} maw={760}>
          {t('showcase.subtitle')}
        </Text>
      </div>
      <Group align="flex-end">
        <Select
          label={t('showcase.field')}
          placeholder={t('showcase.any')}
          clearable
          data={(data?.fields ?? []).map((f) => ({
            value: f.slug,
            label: localizedName(f, names.lang),
          }))}
          value={filters.field || null}
          onChange={(value) => setFilters({ ...filters, field: value ?? '' })}
        />
        <Select
          label={t('showcase.region')}
          placeholder={t('showcase.any')}
          clearable
          data={(data?.regions ?? []).map((r) => ({
            value: r.slug,
            label: localizedName(r, names.lang),
          }))}
          value={filters.region || null}
          onChange={(value) => setFilters({ ...filters, region: value ?? '' })}
        />
        {city && (
          <Button variant="subtle" onClick={() => setCity(null)}>
            {t('showcase.allCities')}
          </Button>
        )}
      </Group>
      {showcase.isError ? (
        <QueryError error={showcase.error} onRetry={() => void showcase.refetch()} />
      ) : (
        <>
          <CityMap cities={showcaseCities(all)} onOpen={(c) => setCity(c.slug)} />
          <Section title={t('showcase.initiatives', { count: initiatives.length })}>
            {initiatives.map((item) => (
              <ItemCard key={item.id} item={item} kind="initiative" />
            ))}
          </Section>
          <Section title={t('showcase.proposals', { count: proposals.length })}>
            {proposals.map((item) => (
              <ItemCard key={item.id} item={item} kind="proposal" />
            ))}
          </Section>
        </>
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={2} fz="h3">
        {title}
      </Title>
      {children.length === 0 ? (
        <Text c="dimmed">{t('showcase.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>{children}</SimpleGrid>
      )}
    </Stack>
  );
}
