// A proposal's details at a glance: public summary, fields, SDGs and their targets, themes, budget,
// timeline and milestones.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldBadge } from '../fields/FieldBadge';
import { localizedName, useNames } from '../i18n/names';
import { formatBudget, formatDay, timeline } from './format';
import { sortMilestones } from './milestones';
import { PublicSummarySection } from './PublicSummary';
import { sortTargetCodes } from './sdg-targets';
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

function Targets({ targets }: { targets: Proposal['sdgTargets'] }) {
  if (targets.length === 0) return null;
  const byCode = new Map(targets.map((target) => [target.code, target]));
  return (
    <Stack gap={2} pl={36} data-testid="sdg-targets">
      {sortTargetCodes([...byCode.keys()]).map((code) => (
        <Text key={code} fz="xs" c="dimmed" lh={1.35} lineClamp={2} title={byCode.get(code)?.text}>
          <Text span fz="xs" fw={650} c="var(--mantine-color-text)">
            {code}
          </Text>{' '}
          — {byCode.get(code)?.text}
        </Text>
      ))}
    </Stack>
  );
}

function Milestones({ milestones, lang }: { milestones: Proposal['milestones']; lang: string }) {
  if (milestones.length === 0) return null;
  // A milestone is its date and label; a repeated one gets a counter to keep keys unique.
  const seen = new Map<string, number>();
  const keyed = sortMilestones(milestones).map((milestone) => {
    const base = `${milestone.date}|${milestone.label}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...milestone, key: `${base}|${n}` };
  });
  return (
    <Stack component="ol" gap={6} m={0} p={0} mt={4} style={{ listStyle: 'none' }}>
      {keyed.map((milestone) => (
        <Group
          component="li"
          key={milestone.key}
          gap="sm"
          wrap="nowrap"
          align="baseline"
          data-testid="milestone"
        >
          <Text fz="xs" c="dimmed" w={96} style={{ flex: 'none' }}>
            {formatDay(milestone.date, lang)}
          </Text>
          <Text fz="sm" lh={1.35}>
            {milestone.label}
          </Text>
        </Group>
      ))}
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
        <PublicSummarySection proposal={proposal} />
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
                <Stack key={goal.number} gap={4}>
                  <Group gap={8} wrap="nowrap" align="flex-start">
                    <Badge size="sm" radius="sm" variant="filled" color="unesco" miw={28}>
                      {goal.number}
                    </Badge>
                    <Text fz="sm" lh={1.35}>
                      {localizedName(goal, lang)}
                    </Text>
                  </Group>
                  <Targets
                    targets={proposal.sdgTargets.filter((target) => target.goal === goal.number)}
                  />
                </Stack>
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
        {proposal.milestones.length > 0 && (
          <Fact label={t('proposals.plan.milestones')}>
            <Milestones milestones={proposal.milestones} lang={lang} />
          </Fact>
        )}
      </Stack>
    </Paper>
  );
}
