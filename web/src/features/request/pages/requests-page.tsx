import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { lazyComponent } from '../../../lib/lazy-component';
import { useCan, useSignedInMe } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { requestFiltersFromSearch, requestFiltersToSearch } from '../api/request-filters';
import { type RequestFilters, useRequestQueue, useRequests } from '../api/use-requests';
import { RequestsTable } from '../components/requests-table';

// The filters (select and search widgets) load after the list; dialogs when first opened
// (lib/lazy-component.tsx).
const RequestFilterBar = lazyComponent(() =>
  import('../components/request-filter-bar').then((m) => m.RequestFilterBar),
);
const RequestQueueDepartmentSelect = lazyComponent(() =>
  import('../components/request-filter-bar').then((m) => m.RequestQueueDepartmentSelect),
);
// The leader's overview tab (tables of counts) loads when that tab is shown.
const RequestOverviewPanel = lazyComponent(() =>
  import('../components/request-overview').then((m) => m.RequestOverviewPanel),
);
const RequestFormModal = lazyComponent(() =>
  import('../components/request-form-modal').then((m) => m.RequestFormModal),
);

type Tab = 'all' | 'queue' | 'overview';

/**
 * `/requests` 要素保障: all requests in scope, a department's queue, the leader's overview. The
 * list's filters live in the address, so a cockpit figure's link opens the list filtered exactly
 * as the figure counts (and the back button restores the previous filters).
 */
export function RequestsPage() {
  const { t } = useI18n();
  const can = useCan();
  const me = useSignedInMe();
  const isDept = me.user.role === 'department';
  const [search, setSearch] = useSearchParams();
  const filters = requestFiltersFromSearch(search);
  const linked = Object.keys(filters).length > 0;
  const [tab, setTab] = useState<Tab>(
    linked
      ? 'all'
      : isDept
        ? 'queue'
        : can('request.overview') && me.user.role === 'leader'
          ? 'overview'
          : 'all',
  );
  const [queueDept, setQueueDept] = useState<string>();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const paging = { limit: page.pageSize, offset: (page.current - 1) * page.pageSize };
  const list = useRequests({ ...filters, ...paging }, tab === 'all');
  const setFilter = (patch: Partial<RequestFilters>) => {
    setSearch(requestFiltersToSearch({ ...filters, ...patch }), { replace: true });
    setPage((p) => ({ ...p, current: 1 }));
  };
  const queue = useRequestQueue(
    { departmentId: isDept ? undefined : queueDept, ...paging },
    tab === 'queue' && (isDept || !!queueDept),
  );
  const active = tab === 'queue' ? queue : list;
  const onPage = (current: number, pageSize: number) => setPage({ current, pageSize });

  const items: { value: Tab; label: string }[] = [
    { value: 'all', label: t('request.tab.all') },
    ...(isDept || can('request.assign') || can('request.overview')
      ? [{ value: 'queue' as const, label: t('request.tab.queue') }]
      : []),
    ...(can('request.overview') ? [{ value: 'overview' as const, label: t('request.tab.overview') }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('request.title')}
        extra={
          can('request.create') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="request-new"
            >
              {t('request.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        {/* A segmented switch, not Tabs: Tabs brings the dropdown and menu libraries to a phone. */}
        <Segmented<Tab>
          value={tab}
          options={items}
          onChange={(k) => {
            setTab(k);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
          data-testid="request-tabs"
        />
        {tab === 'overview' ? (
          <RequestOverviewPanel
            onDepartment={(id) => {
              setQueueDept(id);
              setTab('queue');
            }}
          />
        ) : (
          <>
            {tab === 'all' ? (
              <RequestFilterBar filters={filters} onChange={setFilter} />
            ) : !isDept ? (
              <RequestQueueDepartmentSelect value={queueDept} onChange={setQueueDept} />
            ) : null}
            {active.isError ? (
              <LoadErrorResult error={active.error} onRetry={() => active.refetch()} />
            ) : (
              <RequestsTable
                data={active.data?.items ?? []}
                total={active.data?.total ?? 0}
                loading={active.isFetching}
                page={page}
                onPage={onPage}
                testId={tab === 'queue' ? 'request-queue' : 'request-list'}
              />
            )}
          </>
        )}
      </Card>
      {creating ? <RequestFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
