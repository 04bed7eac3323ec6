// The list of documents: title, owner city, cities it is shared with, my access, last change.
import { Anchor, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SharedDocument } from '../api/types';
import { toLanguage } from '../i18n';
import { AccessBadge } from './AccessBadge';
import { dateTime, timeAgo } from './format';

/** Cities named in the "shared with" column before the rest are counted. */
const NAMED_CITIES = 3;

function SharedWith({ document }: { document: SharedDocument }) {
  const { t } = useTranslation();
  const names = document.cities.map((city) => city.name);
  if (names.length === 0) return <Text c="dimmed">{t('documents.list.notShared')}</Text>;
  const shown = names.slice(0, NAMED_CITIES).join(', ');
  const more = names.length - NAMED_CITIES;
  return (
    <Tooltip label={names.join(', ')} disabled={more <= 0} multiline w={280}>
      <Text fz="sm">
        {more > 0 ? t('documents.list.andMore', { cities: shown, count: more }) : shown}
      </Text>
    </Tooltip>
  );
}

export function DocumentTable({ documents }: { documents: SharedDocument[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const now = new Date();

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <caption>
          <VisuallyHidden>{t('documents.list.caption')}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('documents.list.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('documents.list.columns.owner')}</Table.Th>
            <Table.Th scope="col">{t('documents.list.columns.sharedWith')}</Table.Th>
            <Table.Th scope="col">{t('documents.list.columns.access')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('documents.list.columns.updated')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((document) => (
            <Table.Tr
              key={document.id}
              className="uccn-city-row"
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate(`/documents/${document.id}`);
              }}
            >
              <Table.Th scope="row">
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/documents/${document.id}`} c="unesco.8" fw={600}>
                    {document.title}
                  </Anchor>
                  {document.archived && (
                    <Badge size="sm" variant="outline" color="gray" tt="none">
                      {t('documents.archived')}
                    </Badge>
                  )}
                </Group>
              </Table.Th>
              <Table.Td>{document.ownerCity?.name ?? '—'}</Table.Td>
              <Table.Td>
                <SharedWith document={document} />
              </Table.Td>
              <Table.Td>
                <AccessBadge access={document.access} />
              </Table.Td>
              <Table.Td ta="right">
                <Tooltip label={dateTime(document.updatedAt, lang)}>
                  <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {timeAgo(document.updatedAt, now, lang)}
                  </Text>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
