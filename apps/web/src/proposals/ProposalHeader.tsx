// The proposal page's header: title, status, markers, cities; who is here, save state, Discussion
// and History.
import { Anchor, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconHistory } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DocumentDiscussionButton } from '../discussions/DocumentDiscussionButton';
import { NetworkMarkers, StatusBadge } from './StatusBadge';
import type { Proposal } from './types';
import { groupPartners } from './workflow';

interface ProposalHeaderProps {
  proposal: Proposal;
  /** Who is in the document and the save state, once the live session is open. */
  live: ReactNode;
  onHistory: (() => void) | null;
}

export function ProposalHeader({ proposal, live, onHistory }: ProposalHeaderProps) {
  const { t } = useTranslation();
  const partners = groupPartners(proposal.partners).accepted.map((p) => p.city.name);

  return (
    <Stack gap={6}>
      <Anchor component={Link} to="/proposals" fz="sm" c="dimmed" w="fit-content">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('proposals.title')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={8} style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Title order={1} fz={30} lh={1.25}>
            {proposal.title}
          </Title>
          <Group gap="xs">
            <StatusBadge status={proposal.status} size="lg" />
            <NetworkMarkers
              international={proposal.international}
              crossField={proposal.crossField}
            />
            <Text fz="sm" c="dimmed">
              {partners.length > 0
                ? t('proposals.header.ledWith', {
                    lead: proposal.leadCity.name,
                    partners: partners.join(', '),
                  })
                : t('proposals.header.led', { lead: proposal.leadCity.name })}
            </Text>
          </Group>
        </Stack>
        <Group gap="md" pt={6}>
          {live}
          {live && <Divider orientation="vertical" />}
          <Group gap="xs" wrap="nowrap">
            <DocumentDiscussionButton documentId={proposal.documentId} />
            {onHistory && (
              <Button variant="default" leftSection={<IconHistory size={16} />} onClick={onHistory}>
                {t('documents.history.open')}
              </Button>
            )}
          </Group>
        </Group>
      </Group>
    </Stack>
  );
}
