// The members of one city, with their email and role, for the people who manage them.
import { Badge, Paper, Skeleton, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCityMembers } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { useNames } from '../i18n/names';

export function MemberList({ citySlug, cityName }: { citySlug: string; cityName: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const members = useCityMembers(citySlug);

  return (
    <Paper
      withBorder
      component="section"
      aria-labelledby="member-list"
      style={{ overflow: 'hidden' }}
    >
      <Title order={2} fz="lg" p="lg" pb="sm" id="member-list">
        {t('members.title')} · {cityName}
      </Title>
      {members.isPending ? (
        <Skeleton h={120} m="lg" mt={0} />
      ) : members.isError ? (
        <div style={{ padding: 'var(--mantine-spacing-lg)' }}>
          <QueryError error={members.error} onRetry={() => void members.refetch()} />
        </div>
      ) : members.data.length === 0 ? (
        <Text c="dimmed" px="lg" pb="lg">
          {t('members.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover>
            <caption>
              <VisuallyHidden>{t('members.subtitle', { city: cityName })}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('members.name')}</Table.Th>
                <Table.Th scope="col">{t('members.email')}</Table.Th>
                <Table.Th scope="col">{t('members.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Th scope="row" fw={600}>
                    {member.name}
                  </Table.Th>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant={member.role === 'focal_point' ? 'light' : 'default'}
                      tt="none"
                      fw={500}
                    >
                      {names.role(member.role)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
