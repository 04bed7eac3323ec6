// The proposal page's side column: the overview (next steps, cities, details, status history) and,
// once the text is open, its comments in a second tab, so both sit beside the text.
import { Badge, Tabs } from '@mantine/core';
import { IconLayoutList, IconMessageCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useComments } from '../comments/useComments';

export type SideTab = 'overview' | 'comments';

export interface SideComments {
  documentId: string;
  /** The `CommentsPanel`, kept mounted while hidden: it marks the threads in the text. */
  panel: ReactNode;
  tab: SideTab;
  onTab: (tab: SideTab) => void;
}

interface ProposalSideProps {
  overview: ReactNode;
  /** Null while the text is not open (loading, or not shared with the user). */
  comments: SideComments | null;
}

export function ProposalSide({ overview, comments }: ProposalSideProps) {
  const { t } = useTranslation();
  if (!comments) return overview;
  return (
    <Tabs
      value={comments.tab}
      onChange={(tab) => comments.onTab(tab === 'comments' ? 'comments' : 'overview')}
      keepMounted
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="overview" leftSection={<IconLayoutList size={16} aria-hidden />}>
          {t('proposals.side.overview')}
        </Tabs.Tab>
        <Tabs.Tab
          value="comments"
          leftSection={<IconMessageCircle size={16} aria-hidden />}
          rightSection={<OpenThreadCount documentId={comments.documentId} />}
          data-testid="proposal-comments-tab"
        >
          {t('comments.title')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="overview">{overview}</Tabs.Panel>
      <Tabs.Panel value="comments">{comments.panel}</Tabs.Panel>
    </Tabs>
  );
}

/** How many threads are still open, beside the tab's name; nothing when there are none. */
function OpenThreadCount({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const open = useComments(documentId).threads.filter((thread) => thread.resolved === null);
  if (open.length === 0) return null;
  return (
    <Badge
      size="sm"
      circle
      variant="filled"
      color="orange"
      aria-label={t('proposals.side.openThreads', { count: open.length })}
    >
      {open.length}
    </Badge>
  );
}
