import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { Loading } from './common/ui';

/**
 * One page per path, each its own chunk: a customer opening /track downloads the order page and
 * nothing of the studio console. The gateway answers these paths with this app (gateway/web-app.ts).
 */
const pages: Record<string, ReturnType<typeof lazy>> = {
  '/track': lazy(() => import('./customer/TrackPage')),
  '/share': lazy(() => import('./share/SharePage')),
  '/story': lazy(() => import('./story/StoryPage')),
  '/studio': lazy(() => import('./studio/StudioPage')),
  '/stages': lazy(() => import('./workstation/StagesPage')),
  '/partner': lazy(() => import('./partner/PartnerPage')),
  '/supplier': lazy(() => import('./supplier/SupplierPage')),
  '/join': lazy(() => import('./join/JoinPage')),
  '/register': lazy(() => import('./register/RegisterPage')),
  '/admin': lazy(() => import('./admin/AdminPage')),
  '/': lazy(() => import('./Landing')),
};

const section = '/' + (location.pathname.split('/')[1] ?? '');
const PageFor = pages[section] ?? pages['/'];

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={<Loading />}>
      <PageFor />
    </Suspense>
  </StrictMode>,
);
