// One city's cooperation: its partners (from the network's edges) and its proposals and
// initiatives (from their APIs), with links. Shown beside the graph and on the city's page.
import { Anchor, Badge, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EMPTY_INITIATIVE_FILTERS } from '../initiatives/filters';
import { useInitiatives } from '../initiatives/queries';
import { SupportBadge } from '../initiatives/SupportBadge';
import { EMPTY_PROPOSAL_FILTERS } from '../proposals/filters';
import { useProposals } from '../proposals/queries';
import { StatusBadge } from '../proposals/StatusBadge';
import { partnersOf } from './graph-attributes';
import type { GraphEdge } from './types';

/** The proposals and initiatives `slug` takes part in; `jointOnly` keeps those with a partner. */
export function useCityWork(slug: string, jointOnly: boolean) {
  const proposals = useProposals({ ...EMPTY_PROPOSAL_FILTERS, scope: 'all', city: slug });
  const initiatives = useInitiatives({ ...EMPTY_INITIATIVE_FILTERS, city: slug });
  const p = (proposals.data ?? []).filter((x) => !jointOnly || x.partners.length > 0);
  const i = (initiatives.data ?? []).filter((x) => !jointOnly || x.partners.length > 0);
  const lastActivity = [...p.map((x) => x.updatedAt), ...i.map((x) => x.updatedAt)].sort().at(-1);
  return {
    proposals: p,
    initiatives: i,
    lastActivity: lastActivity ?? null,
    isPending: proposals.isPending || initiatives.isPending,
  };
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={3} fz="sm" tt="uppercase" c="dimmed">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

export function CityCooperation({
  slug,
  edges,
  cityName,
  jointOnly,
}: {
  slug: string;
  edges: GraphEdge[];
  cityName: (slug: string) => string;
  jointOnly: boolean;
}) {
  const { t } = useTranslation();
  const work = useCityWork(slug, jointOnly);
  const partners = partnersOf(edges, slug);
  const none = (
    <Text fz="sm" c="dimmed">
      {t('monitoring.measures.none')}
    </Text>
  );
  return (
    <Stack gap="md" data-testid="city-cooperation">
      <Section title={t('monitoring.city.partners', { count: partners.length })}>
        {partners.length === 0
          ? none
          : partners.map((p) => (
              <Group key={p.slug} gap="xs" wrap="nowrap" data-testid="city-partner">
                <Anchor component={Link} to={`/cities/${p.slug}`} fz="sm">
                  {cityName(p.slug)}
                </Anchor>
                <Badge size="sm" variant="light" color="gray" tt="none">
                  {t('monitoring.graph.shared', { count: p.weight })}
                </Badge>
              </Group>
            ))}
      </Section>
      <Section title={t('monitoring.measures.proposals')}>
        {work.isPending ? <Skeleton h={40} /> : work.proposals.length === 0 && none}
        {work.proposals.map((p) => (
          <Group key={p.id} gap="xs" wrap="nowrap" justify="space-between">
            <Anchor component={Link} to={`/proposals/${p.id}`} fz="sm" lineClamp={1}>
              {p.title}
            </Anchor>
            <StatusBadge status={p.status} size="sm" />
          </Group>
        ))}
      </Section>
      <Section title={t('monitoring.measures.initiatives')}>
        {work.isPending ? <Skeleton h={40} /> : work.initiatives.length === 0 && none}
        {work.initiatives.map((i) => (
          <Group key={i.id} gap="xs" wrap="nowrap" justify="space-between">
            <Anchor component={Link} to={`/initiatives/${i.id}`} fz="sm" lineClamp={1}>
              {i.title}
            </Anchor>
            <SupportBadge support={i.support} />
          </Group>
        ))}
      </Section>
    </Stack>
  );
}
