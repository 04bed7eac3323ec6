// The timeline's milestones in the details form: rows of {label, date}, added and removed.
import { ActionIcon, Button, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  MILESTONE_LABEL_MAX,
  MILESTONES_MAX,
  type MilestoneError,
  type MilestoneRow,
  milestoneRow,
} from './milestones';

interface MilestonesFieldProps {
  rows: MilestoneRow[];
  onChange: (rows: MilestoneRow[]) => void;
  /** By row key; shown once the user has tried to send the form. */
  errors: Record<string, MilestoneError> | undefined;
  disabled?: boolean | undefined;
}

export function MilestonesField(props: MilestonesFieldProps) {
  const { rows, onChange, errors, disabled } = props;
  const { t } = useTranslation();
  const change = (key: string, change: Partial<MilestoneRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <Input.Wrapper
      label={t('proposals.plan.milestones')}
      description={t('proposals.plan.milestonesHint')}
    >
      <Stack gap="xs" mt={6} role="list" aria-label={t('proposals.plan.milestones')}>
        {rows.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t('proposals.plan.noMilestones')}
          </Text>
        )}
        {rows.map((row, index) => {
          const error = errors?.[row.key];
          const n = index + 1;
          return (
            <Group key={row.key} role="listitem" gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                flex={1}
                aria-label={t('proposals.plan.milestoneLabel', { n })}
                placeholder={t('proposals.plan.milestonePlaceholder')}
                maxLength={MILESTONE_LABEL_MAX}
                value={row.label}
                onChange={(event) => change(row.key, { label: event.currentTarget.value })}
                error={error?.label ? t('proposals.plan.errors.label') : null}
                disabled={disabled}
              />
              <TextInput
                type="date"
                w={170}
                aria-label={t('proposals.plan.milestoneDate', { n })}
                value={row.date}
                onChange={(event) => change(row.key, { date: event.currentTarget.value })}
                error={error?.date ? t('proposals.plan.errors.date') : null}
                disabled={disabled}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size={36}
                aria-label={t('proposals.plan.removeMilestone', { n })}
                onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                disabled={disabled}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onChange([...rows, milestoneRow()])}
          disabled={disabled || rows.length >= MILESTONES_MAX}
        >
          {t('proposals.plan.addMilestone')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
