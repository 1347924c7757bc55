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
    icon: 'HomeOutlined',
    permission: null,
    group: 'work',
    page: lazyPage(
      () => import('../features/home/pages/home-page'),
      (m) => m.HomePage,
    ),
  },
  {
    key: 'cockpit',
    path: '/cockpit',
    labelKey: 'nav.cockpit',
    descriptionKey: 'module.cockpit.desc',
    icon: 'DashboardOutlined',
    permission: 'cockpit.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/cockpit/pages/cockpit-page'),
      (m) => m.CockpitPage,
    ),
  },
  {
    key: 'warning',
    path: '/warnings',
    labelKey: 'nav.warnings',
    descriptionKey: 'module.warning.desc',
    icon: 'AlertOutlined',
    permission: 'warning.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/cockpit/pages/warnings-page'),
      (m) => m.WarningsPage,
    ),
  },
  {
    key: 'round',
    path: '/rounds',
    labelKey: 'nav.rounds',
    descriptionKey: 'module.round.desc',
    icon: 'ScheduleOutlined',
    permission: 'round.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/round/pages/rounds-page'),
      (m) => m.RoundsPage,
    ),
    subpages: [
      {
        path: 'reports',
        page: lazyPage(
          () => import('../features/round/pages/round-reports-page'),
          (m) => m.RoundReportsPage,
        ),
      },
      {
        path: ':id',
        page: lazyPage(
          () => import('../features/round/pages/round-detail-page'),
          (m) => m.RoundDetailPage,
        ),
      },
    ],
  },
  {
    key: 'compliance',
    path: '/compliance',
    labelKey: 'nav.compliance',
    descriptionKey: 'module.compliance.desc',
    icon: 'FileDoneOutlined',
    permission: 'compliance.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/agreement/pages/compliance-page'),
      (m) => m.CompliancePage,
    ),
  },
  {
    key: 'mu',
    path: '/mu-evaluations',
    labelKey: 'nav.muEvaluations',
    descriptionKey: 'module.mu.desc',
    icon: 'BarChartOutlined',
    permission: 'mu.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/agreement/pages/mu-evaluations-page'),
      (m) => m.MuEvaluationsPage,
    ),
  },
  {
    key: 'target',
    path: '/targets',
    labelKey: 'nav.targets',
    descriptionKey: 'module.target.desc',
    icon: 'TrophyOutlined',
    permission: 'target.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/target/pages/targets-page'),
      (m) => m.TargetsPage,
    ),
  },
  {
    key: 'lead',
    path: '/leads',
    labelKey: 'nav.leads',
    descriptionKey: 'module.lead.desc',
    icon: 'AimOutlined',
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
    icon: 'ProjectOutlined',
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
    icon: 'BankOutlined',
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
  // News intake (issue 7): paste or upload news, review the proposals, apply them with provenance.
  {
    key: 'intake',
    path: '/intake',
    labelKey: 'nav.intake',
    descriptionKey: 'module.intake.desc',
    icon: 'ReadOutlined',
    permission: 'intake.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/intake/pages/intake-page'),
      (m) => m.IntakePage,
    ),
    subpages: [
      {
        path: ':id',
        page: lazyPage(
          () => import('../features/intake/pages/intake-detail-page'),
          (m) => m.IntakeDetailPage,
        ),
      },
    ],
  },
  // Industrial chains (issue 4): chain overview and maps, the editor, the referral network.
  {
    key: 'chain',
    path: '/chains',
    labelKey: 'nav.chains',
    descriptionKey: 'module.chain.desc',
    icon: 'ApartmentOutlined',
    permission: 'chain.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/chain/pages/chains-page'),
      (m) => m.ChainsPage,
    ),
    subpages: [
      {
        path: ':id',
        page: lazyPage(
          () => import('../features/chain/pages/chain-map-page'),
          (m) => m.ChainMapPage,
        ),
      },
      {
        path: ':id/edit',
        page: lazyPage(
          () => import('../features/chain/pages/chain-editor-page'),
          (m) => m.ChainEditorPage,
        ),
      },
    ],
  },
  {
    key: 'map',
    path: '/map',
    labelKey: 'nav.map',
    descriptionKey: 'module.map.desc',
    icon: 'EnvironmentOutlined',
    permission: 'park.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/park/pages/map-page'),
      (m) => m.MapPage,
    ),
  },
  {
    key: 'park',
    path: '/parks',
    labelKey: 'nav.parks',
    descriptionKey: 'module.park.desc',
    icon: 'BuildOutlined',
    permission: 'park.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/park/pages/parks-page'),
      (m) => m.ParksPage,
    ),
    subpages: [
      {
        path: ':id',
        page: lazyPage(
          () => import('../features/park/pages/park-detail-page'),
          (m) => m.ParkDetailPage,
        ),
      },
    ],
  },
  {
    key: 'referral',
    path: '/referrals',
    labelKey: 'nav.referrals',
    descriptionKey: 'module.referral.desc',
    icon: 'ShareAltOutlined',
    permission: 'chain.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/chain/pages/referrals-page'),
      (m) => m.ReferralsPage,
    ),
  },
  // Factor guarantees and supervision (issue 5).
  {
    key: 'inbox',
    path: '/inbox',
    labelKey: 'nav.inbox',
    descriptionKey: 'module.inbox.desc',
    icon: 'InboxOutlined',
    permission: null,
    group: 'work',
    page: lazyPage(
      () => import('../features/inbox/pages/inbox-page'),
      (m) => m.InboxPage,
    ),
  },
  {
    key: 'request',
    path: '/requests',
    labelKey: 'nav.requests',
    descriptionKey: 'module.request.desc',
    icon: 'ThunderboltOutlined',
    permission: 'request.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/request/pages/requests-page'),
      (m) => m.RequestsPage,
    ),
    subpages: [
      {
        path: ':id',
        page: lazyPage(
          () => import('../features/request/pages/request-detail-page'),
          (m) => m.RequestDetailPage,
        ),
      },
    ],
  },
  {
    key: 'task',
    path: '/tasks',
    labelKey: 'nav.tasks',
    descriptionKey: 'module.task.desc',
    icon: 'CarryOutOutlined',
    permission: 'task.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/task/pages/tasks-page'),
      (m) => m.TasksPage,
    ),
    subpages: [
      {
        path: ':id',
        page: lazyPage(
          () => import('../features/task/pages/task-detail-page'),
          (m) => m.TaskDetailPage,
        ),
      },
    ],
  },
  {
    key: 'campaign',
    path: '/campaigns',
    labelKey: 'nav.campaigns',
    descriptionKey: 'module.campaign.desc',
    icon: 'FlagOutlined',
    permission: 'campaign.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/campaign/pages/campaigns-page'),
      (m) => m.CampaignsPage,
    ),
    subpages: [
      {
        path: ':id',
        page: lazyPage(
          () => import('../features/campaign/pages/campaign-detail-page'),
          (m) => m.CampaignDetailPage,
        ),
      },
    ],
  },
  {
    key: 'problem',
    path: '/problem-lists',
    labelKey: 'nav.problems',
    descriptionKey: 'module.problem.desc',
    icon: 'ExceptionOutlined',
    permission: 'problem.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/problem/pages/problem-lists-page'),
      (m) => m.ProblemListsPage,
    ),
    subpages: [
      {
        path: ':id',
        page: lazyPage(
          () => import('../features/problem/pages/problem-list-detail-page'),
          (m) => m.ProblemListDetailPage,
        ),
      },
    ],
  },
  {
    key: 'programme',
    path: '/programmes',
    labelKey: 'nav.programmes',
    descriptionKey: 'module.programme.desc',
    icon: 'HeartOutlined',
    permission: 'programme.read',
    group: 'work',
    page: lazyPage(
      () => import('../features/programme/pages/programmes-page'),
      (m) => m.ProgrammesPage,
    ),
  },
  {
    key: 'audit',
    path: '/audit',
    labelKey: 'nav.audit',
    descriptionKey: 'module.audit.desc',
    icon: 'AuditOutlined',
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
    icon: 'TeamOutlined',
    permission: 'user.manage',
    group: 'system',
    page: lazyPage(
      () => import('../features/users/pages/users-page'),
      (m) => m.UsersPage,
    ),
  },
  {
    key: 'department',
    path: '/departments',
    labelKey: 'nav.departments',
    descriptionKey: 'module.departments.desc',
    icon: 'ClusterOutlined',
    permission: 'department.manage',
    group: 'system',
    page: lazyPage(
      () => import('../features/departments/pages/departments-page'),
      (m) => m.DepartmentsPage,
    ),
  },
  {
    key: 'channel',
    path: '/channels',
    labelKey: 'nav.channels',
    descriptionKey: 'module.channels.desc',
    icon: 'SendOutlined',
    permission: 'notify.manage',
    group: 'system',
    page: lazyPage(
      () => import('../features/channels/pages/channels-page'),
      (m) => m.ChannelsPage,
    ),
  },
  {
    key: 'token',
    path: '/tokens',
    labelKey: 'nav.tokens',
    descriptionKey: 'module.tokens.desc',
    icon: 'KeyOutlined',
    permission: 'token.manage-own',
    group: 'account',
    page: lazyPage(
      () => import('../features/tokens/pages/tokens-page'),
      (m) => m.TokensPage,
    ),
  },
];
