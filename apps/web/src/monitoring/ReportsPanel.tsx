// Membership Monitoring Reports overdue and due within six months; "Record as received".
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../i18n/errors';
import { Heading } from './MeasuresPanel';
import { csvPath } from './paths';
import { monitoringKeys, recordReport, useReports } from './queries';
import type { ReportStatus } from './types';

function ReportTable({
  cities,
  onRecord,
}: {
  cities: ReportStatus[];
  onRecord: (c: ReportStatus) => void;
}) {
  const { t } = useTranslation();
  if (cities.length === 0)
    return (
      <Text c="dimmed" fz="sm">
        {t('monitoring.reports.none')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={420} mah={360}>
      <Table fz="sm" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('monitoring.measures.city')}</Table.Th>
            <Table.Th>{t('monitoring.reports.due')}</Table.Th>
            <Table.Th>{t('monitoring.reports.missed')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cities.map((row) => (
            <Table.Tr key={row.city.slug}>
              <Table.Td>{row.city.name}</Table.Td>
              <Table.Td>{row.schedule?.nextDueDate ?? '—'}</Table.Td>
              <Table.Td>{row.schedule?.missedCycles ?? 0}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="light" onClick={() => onRecord(row)}>
                  {t('monitoring.reports.record')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Record as received": the date, a link and a note, for the city given; closed when null. */
export function RecordModal({ city, onClose }: { city: ReportStatus | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [receivedOn, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [link, setLink] = useState('');
  const [note, setNote] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      recordReport({
        city: city?.city.slug ?? '',
        receivedOn,
        ...(link.trim() ? { link: link.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
      setLink('');
      setNote('');
      onClose();
    },
  });
  return (
    <Modal
      opened={city !== null}
      onClose={onClose}
      title={t('monitoring.reports.recordTitle', { city: city?.city.name ?? '' })}
    >
      <Stack gap="sm">
        {mutation.isError && (
          <Alert color="red" role="alert">
            {t(errorKey(mutation.error))}
          </Alert>
        )}
        <TextInput
          type="date"
          label={t('monitoring.reports.receivedOn')}
          required
          value={receivedOn}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <TextInput
          type="url"
          label={t('monitoring.reports.link')}
          value={link}
          onChange={(e) => setLink(e.currentTarget.value)}
        />
        <Textarea
          label={t('monitoring.reports.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('initiatives.create.cancel')}
          </Button>
          <Button
            disabled={receivedOn === ''}
            loading={mutation.isPending}
            onClick={() => mutation.mutate()}
          >
            {t('monitoring.reports.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ReportsPanel() {
  const { t } = useTranslation();
  const overdue = useReports('overdue', true);
  const due = useReports('due', true);
  const [recording, setRecording] = useState<ReportStatus | null>(null);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Paper withBorder p="md">
        <Heading
          title={t('monitoring.reports.dueSoon', { count: due.data?.cities.length ?? 0 })}
          csv={csvPath('reports/due', {})}
        />
        <ReportTable cities={due.data?.cities ?? []} onRecord={setRecording} />
      </Paper>
      <Paper withBorder p="md">
        <Heading
          title={t('monitoring.reports.overdue', { count: overdue.data?.cities.length ?? 0 })}
          csv={`${csvPath('reports', {})}&status=overdue`}
        />
        <ReportTable cities={overdue.data?.cities ?? []} onRecord={setRecording} />
      </Paper>
      <RecordModal city={recording} onClose={() => setRecording(null)} />
    </SimpleGrid>
  );
}
