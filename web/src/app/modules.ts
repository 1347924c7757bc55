import {
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  HomeOutlined,
  KeyOutlined,
  ProjectOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { type ComponentType, lazy } from 'react';
import type { AppModule, LazyPage } from '../lib/module-registry';

/** Wraps a named page export for `React.lazy`, keeping named exports everywhere else. */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazyPage {
  return lazy(async () => ({ default: pick(await load()) }));
}

/**
 * The registry: one entry per feature, in menu order within its group. To add a feature, add its
 * pages under features/<area>/pages, a label and a description in locales/zh.ts and en.ts, and an entry here.
 */
export const MODULES: readonly AppModule[] = [
  {
    key: 'home',
    path: '/',
    labelKey: 'nav.home',
    descriptionKey: 'module.home.desc',
    icon: HomeOutlined,
    permission: null,
    group: 'work',
    page: lazyPage(
      () => import('../features/home/pages/home-page'),
      (m) => m.HomePage,
    ),
  },
  {
    key: 'lead',
    path: '/leads',
    labelKey: 'nav.leads',
    descriptionKey: 'module.lead.desc',
    icon: AimOutlined,
    permission: 'lead.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/lead/pages/leads-page'),
      (m) => m.LeadsPage,
    ),
    subpages: [
      {
        path: ':id',
        page: lazyPage(
          () => import('../features/lead/pages/lead-detail-page'),
          (m) => m.LeadDetailPage,
        ),
      },
    ],
  },
  {
    key: 'project',
    path: '/projects',
    labelKey: 'nav.projects',
    descriptionKey: 'module.project.desc',
    icon: ProjectOutlined,
    permission: 'project.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/project/pages/projects-page'),
      (m) => m.ProjectsPage,
    ),
    subpages: [
      {
        path: ':id',
        page: lazyPage(
          () => import('../features/project/pages/project-detail-page'),
          (m) => m.ProjectDetailPage,
        ),
      },
    ],
  },
  {
    key: 'firm',
    path: '/firms',
    labelKey: 'nav.firms',
    descriptionKey: 'module.firm.desc',
    icon: BankOutlined,
    permission: 'firm.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/firm/pages/firms-page'),
      (m) => m.FirmsPage,
    ),
    subpages: [
      {
        path: ':id',
        page: lazyPage(
          () => import('../features/firm/pages/firm-detail-page'),
          (m) => m.FirmDetailPage,
        ),
      },
    ],
  },
  {
    key: 'audit',
    path: '/audit',
    labelKey: 'nav.audit',
    descriptionKey: 'module.audit.desc',
    icon: AuditOutlined,
    permission: 'audit.read',
    group: 'system',
    page: lazyPage(
      () => import('../features/audit/pages/audit-page'),
      (m) => m.AuditPage,
    ),
  },
  {
    key: 'user',
    path: '/users',
    labelKey: 'nav.users',
    descriptionKey: 'module.users.desc',
    icon: TeamOutlined,
    permission: 'user.manage',
    group: 'system',
    page: lazyPage(
      () => import('../features/users/pages/users-page'),
      (m) => m.UsersPage,
    ),
  },
  {
    key: 'token',
    path: '/tokens',
    labelKey: 'nav.tokens',
    descriptionKey: 'module.tokens.desc',
    icon: KeyOutlined,
    permission: 'token.manage-own',
    group: 'account',
    page: lazyPage(
      () => import('../features/tokens/pages/tokens-page'),
      (m) => m.TokensPage,
    ),
  },
];
