// A proposal's details at a glance: summary, fields, SDGs, themes, budget and timeline.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldBadge } from '../fields/FieldBadge';
import { localizedName, useNames } from '../i18n/names';
import { formatBudget, timeline } from './format';
import type { Proposal } from './types';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text fz="xs" fw={650} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

interface DetailsPanelProps {
  proposal: Proposal;
  onEdit: () => void;
}

export function DetailsPanel({ proposal, onEdit }: DetailsPanelProps) {
  const { t } = useTranslation();
  const { lang } = useNames();
  const dates = timeline(proposal.startDate, proposal.endDate, lang);
  const none = (
    <Text fz="sm" c="dimmed">
      {t('proposals.details.notSet')}
    </Text>
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="proposal-details">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} fz="md" id="proposal-details">
            {t('proposals.details.title')}
          </Title>
          {proposal.actions.editDetails && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={onEdit}
            >
              {t('proposals.edit.open')}
            </Button>
          )}
        </Group>
        <Fact label={t('proposals.details.fields')}>
          <Group gap={6}>
            {proposal.fields.map((field) => (
              <FieldBadge key={field.slug} slug={field.slug} name={field.name} />
            ))}
          </Group>
        </Fact>
        <Fact label={t('proposals.details.sdgs')}>
          {proposal.sdgs.length === 0 ? (
            none
          ) : (
            <Stack gap={4}>
              {proposal.sdgs.map((goal) => (
                <Group key={goal.number} gap={8} wrap="nowrap" align="flex-start">
                  <Badge size="sm" radius="sm" variant="filled" color="unesco" miw={28}>
                    {goal.number}
                  </Badge>
                  <Text fz="sm" lh={1.35}>
                    {localizedName(goal, lang)}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Fact>
        <Fact label={t('proposals.details.themes')}>
          {proposal.themes.length === 0 ? (
            none
          ) : (
            <Group gap={6}>
              {proposal.themes.map((theme) => (
                <Badge key={theme.slug} variant="outline" color="gray" tt="none">
                  {localizedName(theme, lang)}
                </Badge>
              ))}
            </Group>
          )}
        </Fact>
        <Group grow align="flex-start">
          <Fact label={t('proposals.details.budget')}>
            {proposal.budget ? (
              <Text fz="sm" fw={600}>
                {formatBudget(proposal.budget, lang)}
              </Text>
            ) : (
              none
            )}
          </Fact>
          <Fact label={t('proposals.details.timeline')}>
            {dates ? <Text fz="sm">{dates}</Text> : none}
          </Fact>
        </Group>
      </Stack>
    </Paper>
  );
}
