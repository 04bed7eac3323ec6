// The header's account area: a sign-in button, or the user's name, city and menu.
import { Avatar, Box, Button, Group, Menu, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { IconBuildingCommunity, IconChevronDown, IconLogout, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../api/queries';
import { canManageMembers } from '../auth/permissions';
import { useSignOut } from '../auth/useSignOut';
import { initials } from './initials';

export function AccountMenu() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const signOut = useSignOut();

  if (me.isPending) return <Skeleton height={36} width={140} radius="md" />;

  if (!me.data) {
    if (location.pathname === '/sign-in') return null;
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Button component={Link} to={`/sign-in?next=${next}`} variant="filled">
        {t('account.signIn')}
      </Button>
    );
  }

  const { user, city } = me.data;
  const place = city ? city.name : t('account.secretariat');

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('account.menu', { name: user.name })}
          data-testid="account-menu"
          px={6}
          py={4}
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        >
          <Group gap="sm" wrap="nowrap">
            <Avatar color="unesco" radius="xl" size={36}>
              {initials(user.name)}
            </Avatar>
            <Box visibleFrom="xs" style={{ lineHeight: 1.2, whiteSpace: 'nowrap' }}>
              <Text fz="sm" fw={600} lh={1.25}>
                {user.name}
              </Text>
              <Text fz="xs" c="dimmed" lh={1.25}>
                {place}
              </Text>
            </Box>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        {city && (
          <Menu.Item
            component={Link}
            to={`/cities/${city.slug}`}
            leftSection={<IconBuildingCommunity size={16} />}
          >
            {t('account.myCity')}
          </Menu.Item>
        )}
        {canManageMembers(me.data) && (
          <Menu.Item component={Link} to="/members" leftSection={<IconUsers size={16} />}>
            {t('account.members')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          {t('account.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
