import { lazy, Suspense } from 'react';
import { BrowserRouter, type RouteObject, useRoutes } from 'react-router';
import { NotFoundResult } from '../components/not-found-result';
import { RequireAuth } from '../features/auth/components/require-auth';
import { RequirePermission } from '../features/auth/components/require-permission';
import type { AppModule, LazyPage } from '../lib/module-registry';
import { AppLayout } from './app-layout';
import { MODULES } from './modules';

// 大屏 the wall screen: outside the layout (no menus), same permission as the cockpit.
const WallScreenPage = lazy(async () => ({
  default: (await import('../features/cockpit/pages/wall-screen-page')).WallScreenPage,
}));

// 一项目一档 printable dossier: outside the layout too, so the page prints as the document alone.
const DossierPage = lazy(async () => ({
  default: (await import('../features/report/pages/dossier-page')).DossierPage,
}));

// Sign-in and password pages carry the form library; a signed-in phone opening a page from a link
// should not download them first.
const LoginPage = lazy(async () => ({
  default: (await import('../features/auth/pages/login-page')).LoginPage,
}));
const ChangePasswordPage = lazy(async () => ({
  default: (await import('../features/auth/pages/change-password-page')).ChangePasswordPage,
}));

function guarded(module: AppModule, Page: LazyPage) {
  return (
    <RequirePermission permission={module.permission}>
      <Page />
    </RequirePermission>
  );
}

/** Each registered module contributes its page and sub-pages, all behind its permission. */
function moduleRoutes(module: AppModule): RouteObject[] {
  const main: RouteObject =
    module.path === '/'
      ? { index: true, element: guarded(module, module.page) }
      : { path: module.path, element: guarded(module, module.page) };
  const subpages = (module.subpages ?? []).map((subpage) => ({
    path: `${module.path.replace(/\/$/, '')}/${subpage.path}`,
    element: guarded(module, subpage.page),
  }));
  return [main, ...subpages];
}

const routes: RouteObject[] = [
  {
    path: '/login',
    element: (
      <Suspense fallback={null}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    element: <RequireAuth />,
    children: [
      {
        path: '/screen',
        element: (
          <RequirePermission permission="cockpit.read">
            <Suspense fallback={null}>
              <WallScreenPage />
            </Suspense>
          </RequirePermission>
        ),
      },
      {
        path: '/projects/:id/dossier',
        element: (
          <RequirePermission permission="project.read">
            <Suspense fallback={null}>
              <DossierPage />
            </Suspense>
          </RequirePermission>
        ),
      },
      {
        path: '/',
        element: <AppLayout />,
        children: [
          ...MODULES.flatMap(moduleRoutes),
          {
            path: '/change-password',
            element: (
              <Suspense fallback={null}>
                <ChangePasswordPage />
              </Suspense>
            ),
          },
          { path: '*', element: <NotFoundResult /> },
        ],
      },
    ],
  },
];

function Routes() {
  return useRoutes(routes);
}

/** The route tree: /login outside, everything else behind the session gate inside the layout. */
export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes />
    </BrowserRouter>
  );
}
