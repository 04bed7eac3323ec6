// The product mark and name in the header, linking home.
import { Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function Mark() {
  return (
    <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-unesco-6)" />
      <circle cx="16" cy="16" r="9" fill="none" stroke="#fff" strokeWidth="2" />
      <path
        d="M7 16h18M16 7c3 3 3 15 0 18M16 7c-3 3-3 15 0 18"
        fill="none"
        stroke="#fff"
        strokeWidth="1.6"
      />
    </svg>
  );
}

export function Brand() {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to="/" aria-label={t('app.home')}>
      <Group gap="sm" wrap="nowrap">
        <Mark />
        <Box>
          <Text fw={700} fz="lg" lh={1.1} c="unesco.8" style={{ whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Text>
          {/* Beside six sections and the account, the tagline fits on wide screens only. */}
          <Text fz="xs" c="dimmed" lh={1.2} visibleFrom="xl" style={{ whiteSpace: 'nowrap' }}>
            {t('app.tagline')}
          </Text>
        </Box>
      </Group>
    </UnstyledButton>
  );
}
