// A badge under the header while the live connection is down: "Reconnecting…" or "Offline".
// It floats, so that the crowded header keeps its layout when it appears.
import { Affix, Badge, Loader, Tooltip } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLive } from './context';

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const { status } = useLive();
  // The first connection takes a moment on every page load: no need to flash a badge for it.
  if (status !== 'reconnecting' && status !== 'offline') return null;
  return (
    <Affix position={{ top: 78, left: '50%' }} style={{ transform: 'translateX(-50%)' }}>
      <Tooltip label={t(`live.${status}Hint`)} multiline w={260} withArrow>
        <Badge
          color="orange"
          size="lg"
          variant="filled"
          tt="none"
          role="status"
          aria-live="polite"
          data-testid="connection-state"
          data-state={status}
          leftSection={
            status === 'reconnecting' ? (
              <Loader size={12} color="white" />
            ) : (
              <IconPlugConnectedX size={14} aria-hidden />
            )
          }
        >
          {t(`live.${status}`)}
        </Badge>
      </Tooltip>
    </Affix>
  );
}
