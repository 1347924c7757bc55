import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ActiveFilters } from '../../../components/active-filters';
import { ExcelButtons } from '../../../components/excel-buttons';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { lazyComponent } from '../../../lib/lazy-component';
import { useCan, useSignedInMe } from '../../../lib/use-me';
import { useOfficerOptions } from '../../../lib/use-officer-options';
import { useI18n } from '../../../locales/i18n-context';
import {
  PROJECT_PRIORITIES,
  type ProjectFilters,
  type ProjectPriority,
  useProjectPage,
} from '../api/use-projects';
import { useActiveProjectFilters } from '../components/active-project-filters';
import { ProjectsTable } from '../components/projects-table';

// The filters (select and search widgets) load after the list, the new-project dialog when opened,
// the board view when chosen (lib/lazy-component.tsx).
const ProjectFilterBar = lazyComponent(() =>
  import('../components/project-filter-bar').then((m) => m.ProjectFilterBar),
);
const ProjectFormModal = lazyComponent(() =>
  import('../components/project-form-modal').then((m) => m.ProjectFormModal),
);
const ProjectKanban = lazyComponent(() =>
  import('../components/project-kanban').then((m) => m.ProjectKanban),
);

const PAGE_SIZE = 20;
const DEFAULT_SORT = '-totalInvestment';

/** Filters given in the address (a cockpit figure links here with the query that reproduces it). */
function filtersFromSearch(params: URLSearchParams): ProjectFilters {
  const f: ProjectFilters = {};
  for (const key of [
    'q',
    'stage',
    'chainLink',
    'park',
    'officerId',
    'firmId',
    'chainId',
    'linkId',
    'signedFrom',
    'signedTo',
    'sort',
  ] as const) {
    const v = params.get(key);
    if (v) f[key] = v;
  }
  if (params.get('late') === 'true') f.late = true;
  const priority = params.get('priority');
  if (priority && (PROJECT_PRIORITIES as readonly string[]).includes(priority))
    f.priority = priority as ProjectPriority;
  for (const key of ['minInvestment', 'maxInvestment'] as const) {
    const n = Number(params.get(key));
    if (params.get(key) && Number.isFinite(n)) f[key] = n;
  }
  return f;
}

/** The filters as the address (the default sort left out), so Back and bookmarks keep them. */
function filtersToSearch(f: ProjectFilters, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(f)) {
    if (value === undefined || value === '' || value === false || (key === 'sort' && value === DEFAULT_SORT))
      next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}
type View = 'list' | 'kanban';

/** `/projects` 项目库: filtered, sortable list and a kanban by stage, with Excel in and out. */
export function ProjectsPage() {
  const { t } = useI18n();
  const can = useCan();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const officers = useOfficerOptions(can('lead.read'));
  const leaders = useOfficerOptions(can('lead.read'), 'leader');
  const [search, setSearch] = useSearchParams();
  // The view lives in the address (`?view=kanban`): a link or Back opens the board directly,
  // without loading the list first.
  const view: View = search.get('view') === 'kanban' ? 'kanban' : 'list';
  const setView = (next: View) =>
    setSearch((current) => {
      const params = new URLSearchParams(current);
      if (next === 'kanban') params.set('view', 'kanban');
      else params.delete('view');
      return params;
    });
  const filters: ProjectFilters = { sort: DEFAULT_SORT, ...filtersFromSearch(search) };
  const active = useActiveProjectFilters(filters);
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const projects = useProjectPage(filters, page, view === 'list');

  const setFilter = (patch: Partial<ProjectFilters>) => {
    // Every key of the patch is written, so `{ park: undefined }` clears the park.
    setSearch((current) => filtersToSearch({ ...filtersFromSearch(current), ...patch }, current), {
      replace: true,
    });
    setPage((current) => ({ ...current, current: 1 }));
  };

  return (
    <>
      <PageHeader
        title={t('project.title')}
        subtitle={t('module.project.desc')}
        extra={
          <Space wrap>
            <ExcelButtons
              kind="project"
              exportQuery={{ ...filters }}
              canImport={can('import.run')}
              onImported={() => projects.refetch()}
            />
            {can('project.write') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="projects-create"
              >
                {t('project.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        {/* Segmented, not Tabs: Tabs brings the dropdown and menu libraries to a phone. */}
        <Segmented
          value={view}
          onChange={(key) => setView(key as View)}
          options={[
            {
              value: 'list',
              label: (
                <span data-testid="projects-tab-list">
                  <UnorderedListOutlined /> {t('project.listView')}
                </span>
              ),
            },
            {
              value: 'kanban',
              label: (
                <span data-testid="projects-tab-kanban">
                  <AppstoreOutlined /> {t('project.kanbanView')}
                </span>
              ),
            },
          ]}
          style={{ marginBottom: 16 }}
        />
        <ActiveFilters
          filters={active}
          onClear={(keys) =>
            setFilter(
              Object.fromEntries(
                keys
                  .flatMap((k) => (k === 'signedFrom' ? ['signedFrom', 'signedTo'] : [k]))
                  .map((k) => [k, undefined]),
              ),
            )
          }
          testId="project-active-filters"
        />
        <ProjectFilterBar
          filters={filters}
          onChange={setFilter}
          officerOptions={officers}
          myId={me.user.role === 'officer' ? me.user.id : null}
        />
        {view === 'kanban' ? (
          <ProjectKanban filters={filters} />
        ) : projects.isError && !projects.data ? (
          <LoadErrorResult error={projects.error} onRetry={() => projects.refetch()} />
        ) : (
          <ProjectsTable
            data={projects.data}
            loading={projects.isFetching}
            sort={filters.sort ?? DEFAULT_SORT}
            defaultSort={DEFAULT_SORT}
            page={page}
            onSort={(sort) => setFilter({ sort })}
            onPage={setPage}
          />
        )}
      </Card>
      {creating ? (
        <ProjectFormModal
          officerOptions={officers}
          leaderNames={leaders.map((leader) => leader.label)}
          onClose={() => setCreating(false)}
          onSaved={(project) => navigate(`/projects/${project.id}`)}
        />
      ) : null}
    </>
  );
}
