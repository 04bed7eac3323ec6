// The main sections of the app, as a row in the header or a column in the mobile drawer.
import { Button, Stack } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconBulb,
  IconChartBar,
  IconFiles,
  IconFileText,
  IconMessages,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../api/queries';
import { canManageMembers } from '../auth/permissions';

type NavKey =
  | 'proposals'
  | 'initiatives'
  | 'discussions'
  | 'documents'
  | 'monitoring'
  | 'cities'
  | 'members';

const ITEMS: { key: NavKey; to: string; icon: ComponentType<{ size?: number }> }[] = [
  { key: 'proposals', to: '/proposals', icon: IconFileText },
  { key: 'initiatives', to: '/initiatives', icon: IconBulb },
  { key: 'discussions', to: '/discussions', icon: IconMessages },
  { key: 'documents', to: '/documents', icon: IconFiles },
  { key: 'monitoring', to: '/monitoring', icon: IconChartBar },
  { key: 'cities', to: '/cities', icon: IconBuildingCommunity },
  { key: 'members', to: '/members', icon: IconUsers },
];

interface MainNavProps {
  orientation: 'horizontal' | 'vertical';
  onNavigate?: () => void;
}

export function MainNav({ orientation, onNavigate }: MainNavProps) {
  const { t } = useTranslation();
  const me = useMe().data;
  const items = ITEMS.filter((item) => item.key !== 'members' || canManageMembers(me));
  const vertical = orientation === 'vertical';

  return (
    <nav aria-label={t('nav.label')}>
      <Stack gap={vertical ? 4 : 2} style={vertical ? undefined : { flexDirection: 'row' }}>
        {items.map(({ key, to, icon: Icon }) => (
          <NavLink key={key} to={to} onClick={onNavigate} style={{ textDecoration: 'none' }}>
            {({ isActive }) => (
              <Button
                component="span"
                variant={isActive ? 'light' : 'subtle'}
                color={isActive ? 'unesco' : 'dark'}
                fw={isActive ? 650 : 500}
                leftSection={<Icon size={18} />}
                justify={vertical ? 'flex-start' : 'center'}
                fullWidth={vertical}
                size={vertical ? 'md' : 'sm'}
                // Seven sections share the header with the brand and the account menu.
                px={vertical ? undefined : 'xs'}
              >
                {key === 'initiatives' ? t('initiatives.nav') : t(`nav.${key}`)}
              </Button>
            )}
          </NavLink>
        ))}
      </Stack>
    </nav>
  );
}
