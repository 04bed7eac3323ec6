// /proposals/:id (loaded on demand: the editor brings Tiptap and Yjs): the proposal, or why it
// cannot open.
import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFileOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../api/queries';
import type { Me } from '../api/types';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { PageLoader } from '../documents/editor/PageLoader';
import { ProposalWorkspace } from './ProposalWorkspace';
import { useProposal } from './queries';

export function ProposalPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useMe();
  const proposal = useProposal(id);

  if (me.isPending) return <PageLoader />;
  if (!me.data) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  // A failed refetch (the city left, or was declined) wins over the data we had.
  if (proposal.isError) return <ProposalRefusal error={proposal.error} me={me.data} />;
  if (!proposal.data) return <PageLoader />;
  return <ProposalWorkspace key={id} proposal={proposal.data} me={me.data} />;
}

/** Not found and not shared look the same: the server does not say which, on purpose. */
function ProposalRefusal({ error, me }: { error: unknown; me: Me }) {
  const { t } = useTranslation();
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  const heading = missing ? t('proposals.notFound.title') : t('errors.title');
  usePageTitle(heading);
  if (!missing) return <QueryError error={error} />;

  return (
    <Paper withBorder p={{ base: 'lg', sm: 48 }} maw={640} mx="auto" mt="xl">
      <Stack align="center" ta="center" gap="md">
        <ThemeIcon size={64} radius="xl" variant="light" color="orange">
          <IconFileOff size={32} aria-hidden />
        </ThemeIcon>
        <Title order={1} fz={28}>
          {heading}
        </Title>
        <Text c="dimmed" maw={460}>
          {me.city
            ? t('proposals.notFound.description', { city: me.city.name })
            : t('proposals.notFound.descriptionNoCity')}
        </Text>
        <Button component={Link} to="/proposals" variant="light">
          {t('proposals.notFound.back')}
        </Button>
      </Stack>
    </Paper>
  );
}
