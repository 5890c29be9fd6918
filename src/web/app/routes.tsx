import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, createMemoryRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import { useMe } from '../api/hooks';
import { ErrorState, LoadingState, NotFoundState } from '../ui/states';
import { AppLayout } from './app-layout';
import { SignInPage, SignUpPage } from '../features/auth/auth-pages';

// Pages load on demand so the first screen downloads only what it shows.
const page = (load: () => Promise<{ default: ComponentType }>) => {
  const Page = lazy(load);
  return (
    <Suspense fallback={<LoadingState />}>
      <Page />
    </Suspense>
  );
};

function RequireAccount() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState label="Opening Rapport…" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} title="Cannot reach Rapport" />;
  if (!me.data) return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <AppLayout />;
}

function GuestOnly() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState />;
  if (me.data) return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;
  return <Outlet />;
}

export const routes: RouteObject[] = [
  {
    element: <GuestOnly />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/sign-up', element: <SignUpPage /> },
    ],
  },
  // The public booking page: no account, no app shell; it uses only /api/public.
  { path: '/book/:slug', element: page(() => import('../features/booking/book-page')) },
  {
    path: '/',
    element: <RequireAccount />,
    children: [
      { index: true, element: page(() => import('../features/home/home-page')) },
      { path: 'contacts', element: page(() => import('../features/contacts/contacts-page')) },
      { path: 'contacts/new', element: page(() => import('../features/contacts/contact-new-page')) },
      { path: 'contacts/:id', element: page(() => import('../features/contacts/contact-page')) },
      { path: 'contacts/:id/edit', element: page(() => import('../features/contacts/contact-edit-page')) },
      { path: 'follow-ups', element: page(() => import('../features/follow-ups/follow-ups-page')) },
      { path: 'review', element: page(() => import('../features/goals/review-page')) },
      { path: 'appreciation', element: page(() => import('../features/appreciation/appreciation-page')) },
      { path: 'insights', element: page(() => import('../features/insights/insights-page')) },
      { path: 'events', element: page(() => import('../features/events/events-page')) },
      { path: 'events/:id', element: page(() => import('../features/events/event-page')) },
      { path: 'chats', element: page(() => import('../features/chats/chats-page')) },
      { path: 'chats/questions', element: page(() => import('../features/chats/questions-page')) },
      { path: 'chats/booking', element: page(() => import('../features/chats/booking-settings-page')) },
      { path: 'chats/:id', element: page(() => import('../features/chats/chat-page')) },
      { path: 'mentorships', element: page(() => import('../features/mentorships/mentorships-page')) },
      { path: 'mentorships/:id', element: page(() => import('../features/mentorships/mentorship-page')) },
      { path: 'communities', element: page(() => import('../features/communities/communities-page')) },
      { path: 'communities/:id', element: page(() => import('../features/communities/community-page')) },
      { path: 'social', element: page(() => import('../features/social/social-page')) },
      { path: 'organizations', element: page(() => import('../features/organizations/organizations-page')) },
      { path: 'tags', element: page(() => import('../features/tags/tags-page')) },
      { path: 'import', element: page(() => import('../features/imports/import-page')) },
      { path: 'duplicates', element: page(() => import('../features/duplicates/duplicates-page')) },
      { path: 'settings', element: page(() => import('../features/settings/settings-page')) },
      { path: '*', element: <NotFoundState /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}

export function createTestRouter(initialPath: string) {
  return createMemoryRouter(routes, { initialEntries: [initialPath] });
}
