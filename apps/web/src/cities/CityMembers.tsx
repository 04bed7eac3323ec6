// The city page's list of people taking part for the city (shown to signed-in users only).
import { Avatar, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../api/queries';
import type { CityMember } from '../api/types';
import { canManageMembers } from '../auth/permissions';
import { useNames } from '../i18n/names';

interface CityMembersProps {
  citySlug: string;
  members: CityMember[] | null;
}

export function CityMembers({ citySlug, members }: CityMembersProps) {
  const { t } = useTranslation();
  const names = useNames();
  const me = useMe().data;
  const location = useLocation();

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="city-members">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="lg" id="city-members">
          {t('city.members')}
        </Title>
        {canManageMembers(me, citySlug) && (
          <Button
            component={Link}
            to={`/members?city=${encodeURIComponent(citySlug)}`}
            variant="light"
            size="xs"
            leftSection={<IconUsers size={14} aria-hidden />}
          >
            {t('city.manageMembers')}
          </Button>
        )}
      </Group>
      {members === null || !me ? (
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconLock size={20} color="var(--mantine-color-gray-6)" aria-hidden />
          <Stack gap="xs" align="flex-start">
            <Text fz="sm" c="dimmed">
              {t('city.membersSignedOut')}
            </Text>
            <Button
              component={Link}
              to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}
              size="xs"
              variant="default"
            >
              {t('account.signIn')}
            </Button>
          </Stack>
        </Group>
      ) : members.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('city.noMembers')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {members.map((member) => (
            <Group key={member.id} component="li" gap="sm" wrap="nowrap">
              <Avatar radius="xl" size={32} color="unesco" name={member.name} />
              <Text fz="sm" fw={500} style={{ flex: 1 }}>
                {member.name}
              </Text>
              <Badge variant="default" tt="none" fw={500}>
                {names.role(member.role)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
