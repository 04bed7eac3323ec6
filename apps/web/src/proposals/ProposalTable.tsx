// The list of proposals: title and summary, lead and partner cities on a small map, fields, status
// and markers.
import { Anchor, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCrown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FieldBadge } from '../fields/FieldBadge';
import { PartnerMapWorld, PartnerMiniMap } from './PartnerMiniMap';
import { NetworkMarkers, StatusBadge } from './StatusBadge';
import type { Proposal } from './types';
import { groupPartners } from './workflow';

export const proposalPath = (id: string) => `/proposals/${encodeURIComponent(id)}`;

/** The small map's size on the page, in pixels. */
const MAP_SIZE = { width: 120, height: 60 } as const;

function Cities({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const { accepted, invited } = groupPartners(proposal.partners);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <PartnerMiniMap proposal={proposal} {...MAP_SIZE} />
      <Stack gap={2} miw={0}>
        <Group gap={4} wrap="nowrap">
          <IconCrown size={14} color="var(--mantine-color-yellow-7)" aria-hidden />
          <Text fz="sm" fw={600}>
            {proposal.leadCity.name}
          </Text>
          <VisuallyHidden>{t('proposals.partners.lead')}</VisuallyHidden>
        </Group>
        {accepted.length > 0 && (
          <Text fz="sm">{accepted.map((partner) => partner.city.name).join(', ')}</Text>
        )}
        {invited.length > 0 && (
          <Text fz="xs" c="dimmed">
            {t('proposals.list.invited', {
              cities: invited.map((partner) => partner.city.name).join(', '),
            })}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

export function ProposalTable({ proposals }: { proposals: Proposal[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  return (
    <Table.ScrollContainer minWidth={880}>
      <PartnerMapWorld />
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <caption>
          <VisuallyHidden>{t('proposals.list.caption')}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="42%">
              {t('proposals.list.columns.title')}
            </Table.Th>
            <Table.Th scope="col">{t('proposals.list.columns.cities')}</Table.Th>
            <Table.Th scope="col">{t('proposals.list.columns.fields')}</Table.Th>
            <Table.Th scope="col">{t('proposals.list.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposals.map((proposal) => (
            <Table.Tr
              key={proposal.id}
              className="uccn-city-row"
              data-testid="proposal-row"
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate(proposalPath(proposal.id));
              }}
            >
              <Table.Th scope="row" fw="normal">
                <Stack gap={4}>
                  <Anchor component={Link} to={proposalPath(proposal.id)} c="unesco.8" fw={650}>
                    {proposal.title}
                  </Anchor>
                  {proposal.summary && (
                    <Text fz="sm" c="dimmed" lineClamp={2}>
                      {proposal.summary}
                    </Text>
                  )}
                  {(proposal.international || proposal.crossField) && (
                    <Group gap={6}>
                      <NetworkMarkers
                        international={proposal.international}
                        crossField={proposal.crossField}
                      />
                    </Group>
                  )}
                </Stack>
              </Table.Th>
              <Table.Td>
                <Cities proposal={proposal} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {proposal.fields.map((field) => (
                    <FieldBadge key={field.slug} slug={field.slug} name={field.name} size="sm" />
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={proposal.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
