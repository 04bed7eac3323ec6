// The proposal page's header: title, status, markers, cities; who is here, save state, Discussion,
// History and Export.
import { Anchor, Button, Divider, Group, Menu, Stack, Text, Title } from '@mantine/core';
import {
  IconArrowLeft,
  IconChevronDown,
  IconDownload,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconHistory,
  IconMarkdown,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DocumentDiscussionButton } from '../discussions/DocumentDiscussionButton';
import { exportPath } from './endpoints';
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
            <ExportMenu proposalId={proposal.id} />
          </Group>
        </Group>
      </Group>
    </Stack>
  );
}

const EXPORTS = [
  { format: 'md', icon: IconMarkdown },
  { format: 'pdf', icon: IconFileTypePdf },
  { format: 'docx', icon: IconFileTypeDocx },
] as const;

/** Plain links: the server names the file, and the session cookie goes along (same origin). */
function ExportMenu({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
        >
          {t('proposals.export.open')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('proposals.export.label')}</Menu.Label>
        {EXPORTS.map(({ format, icon: Icon }) => (
          <Menu.Item
            key={format}
            component="a"
            href={exportPath(proposalId, format)}
            download
            leftSection={<Icon size={16} />}
          >
            {t(`proposals.export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
