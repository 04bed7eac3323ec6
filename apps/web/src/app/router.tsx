// The app's routes (react-router data mode); every page renders inside the app shell.
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { InvitePage } from '../auth/InvitePage';
import { SignInPage } from '../auth/SignInPage';
import { CityDirectoryPage } from '../cities/CityDirectoryPage';
import { CityPage } from '../cities/CityPage';
import { ChannelView } from '../discussions/ChannelView';
import { DiscussionsHome, DiscussionsLayout } from '../discussions/DiscussionsLayout';
import { TopicList } from '../discussions/TopicList';
import { TopicRoute } from '../discussions/TopicView';
import { DocumentListPage } from '../documents/DocumentListPage';
import { PageLoader } from '../documents/editor/PageLoader';
import { InitiativeListPage } from '../initiatives/InitiativeListPage';
import { InitiativePage } from '../initiatives/InitiativePage';
import { MembersPage } from '../members/MembersPage';
import { MonitoringPage } from '../monitoring/MonitoringPage';
import { NotificationsPage } from '../notifications/NotificationsPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RouteErrorPage } from '../pages/RouteErrorPage';
import { ProposalListPage } from '../proposals/ProposalListPage';
import { ShowcasePage } from '../showcase/ShowcasePage';
import { AppLayout } from './AppLayout';

// The editors bring Tiptap, ProseMirror and Yjs: loaded only when a document is opened.
const DocumentPage = lazy(async () => ({
  default: (await import('../documents/editor/DocumentPage')).DocumentPage,
}));
const ProposalPage = lazy(async () => ({
  default: (await import('../proposals/ProposalPage')).ProposalPage,
}));

export function createRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        // The directory is the network's front door, open to everyone.
        { index: true, element: <Navigate to="/cities" replace /> },
        { path: 'proposals', element: <ProposalListPage /> },
        {
          path: 'proposals/:id',
          element: (
            <Suspense fallback={<PageLoader />}>
              <ProposalPage />
            </Suspense>
          ),
        },
        {
          path: 'discussions',
          element: <DiscussionsLayout />,
          children: [
            { index: true, element: <DiscussionsHome /> },
            {
              path: ':channelSlug',
              element: <ChannelView />,
              children: [
                { index: true, element: <TopicList /> },
                { path: ':topicId', element: <TopicRoute /> },
              ],
            },
          ],
        },
        { path: 'notifications', element: <NotificationsPage /> },
        { path: 'documents', element: <DocumentListPage /> },
        {
          path: 'documents/:id',
          element: (
            <Suspense fallback={<PageLoader />}>
              <DocumentPage />
            </Suspense>
          ),
        },
        { path: 'initiatives', element: <InitiativeListPage /> },
        { path: 'initiatives/:id', element: <InitiativePage /> },
        { path: 'monitoring', element: <MonitoringPage /> },
        { path: 'cities', element: <CityDirectoryPage /> },
        { path: 'cities/:slug', element: <CityPage /> },
        { path: 'members', element: <MembersPage /> },
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'invite/:token', element: <InvitePage /> },
        // Open to everyone, like the sign-in page: what the network shows the world.
        { path: 'showcase', element: <ShowcasePage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
