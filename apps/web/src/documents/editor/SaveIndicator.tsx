// Whether this user's edits are safe: saving, saved on the server, or kept on the device offline.
import { Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconEye } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveState } from './saveState';

interface SaveIndicatorProps {
  state: SaveState;
  /** A reader has nothing to save: says so once connected. */
  readOnly: boolean;
}

export function SaveIndicator({ state, readOnly }: SaveIndicatorProps) {
  const { t } = useTranslation();
  const shown = readOnly && (state === 'saved' || state === 'saving') ? 'readOnly' : state;
  const look: Record<typeof shown, { icon: ReactNode; color: string }> = {
    connecting: { icon: <Loader size={14} color="gray" />, color: 'dimmed' },
    saving: { icon: <Loader size={14} color="unesco" />, color: 'dimmed' },
    saved: {
      icon: <IconCloudCheck size={18} color="var(--mantine-color-teal-7)" />,
      color: 'teal.8',
    },
    offline: {
      icon: <IconCloudOff size={18} color="var(--mantine-color-orange-7)" />,
      color: 'orange.8',
    },
    readOnly: { icon: <IconEye size={18} color="var(--mantine-color-gray-6)" />, color: 'dimmed' },
  };
  const { icon, color } = look[shown];

  return (
    <Tooltip label={t(`documents.save.${shown}Hint`)} multiline w={260} withArrow>
      <Group
        gap={6}
        wrap="nowrap"
        role="status"
        aria-live="polite"
        data-testid="save-state"
        data-state={shown}
      >
        {icon}
        <Text fz="sm" fw={500} c={color} style={{ whiteSpace: 'nowrap' }}>
          {t(`documents.save.${shown}`)}
        </Text>
      </Group>
    </Tooltip>
  );
}
