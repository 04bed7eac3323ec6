// The proposal's status changes, oldest first: who moved it, when, and the note they wrote.
import { Blockquote, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../app/QueryError';
import { dateTime } from '../documents/format';
import { useNames } from '../i18n/names';
import { useProposalHistory } from './queries';
import type { Proposal } from './types';
import { statusColor } from './workflow';

export function StatusHistory({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const { lang } = useNames();
  const history = useProposalHistory(proposal.id);
  // The history names cities by slug; the proposal knows their names (past partners included).
  const cityNames = new Map(
    [proposal.leadCity, ...proposal.partners.map((p) => p.city)].map((c) => [c.slug, c.name]),
  );
  const entries = history.data ?? [];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="proposal-history">
      <Stack gap="md">
        <Title order={2} fz="md" id="proposal-history">
          {t('proposals.history.title')}
        </Title>
        {history.isPending ? (
          <Loader size="sm" aria-hidden />
        ) : history.isError ? (
          <QueryError error={history.error} onRetry={() => void history.refetch()} />
        ) : (
          <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2}>
            {entries.map((entry) => (
              <Timeline.Item
                key={`${entry.at}-${entry.to}`}
                color={statusColor(entry.to)}
                data-testid="history-entry"
                title={
                  <Text fz="sm" fw={600}>
                    {entry.from === null
                      ? t('proposals.history.created')
                      : t(`proposals.status.${entry.to}`)}
                  </Text>
                }
              >
                <Text fz="xs" c="dimmed">
                  {entry.by?.city
                    ? t('proposals.history.by', {
                        name: entry.by.name,
                        city: cityNames.get(entry.by.city) ?? entry.by.city,
                        when: dateTime(entry.at, lang),
                      })
                    : t('proposals.history.byNoCity', {
                        name: entry.by?.name ?? t('account.secretariat'),
                        when: dateTime(entry.at, lang),
                      })}
                </Text>
                {entry.note && (
                  <Blockquote
                    color={statusColor(entry.to)}
                    p="xs"
                    mt={6}
                    fz="sm"
                    style={{ whiteSpace: 'pre-wrap' }}
                  >
                    {entry.note}
                  </Blockquote>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}
