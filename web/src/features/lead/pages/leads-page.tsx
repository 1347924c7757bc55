import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LEAD_STATUSES } from '../../../../../shared/src/lead-status';
import { LEAD_SOURCES } from '../../../../../shared/src/pipeline-enums';
import { ExcelButtons } from '../../../components/excel-buttons';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { lazyComponent } from '../../../lib/lazy-component';
import { useCan } from '../../../lib/use-me';
import { useOfficerOptions } from '../../../lib/use-officer-options';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useI18n } from '../../../locales/i18n-context';
import { type LeadListQuery, useLeads } from '../api/use-leads';
import type { LeadFilters as Filters, LeadsTab as Tab } from '../components/lead-filter-bar';
import { LeadsTable } from '../components/leads-table';

// The filters (select and search widgets) load after the list; the new-lead dialog when opened.
const LeadFilterBar = lazyComponent(() =>
  import('../components/lead-filter-bar').then((m) => m.LeadFilterBar),
);
const LeadFormModal = lazyComponent(() =>
  import('../components/lead-form-modal').then((m) => m.LeadFormModal),
);

const PAGE_SIZE = 20;
const URL_KEYS = ['tab', 'q', 'status', 'source', 'ownerId', 'linkId', 'overdue', 'sort'] as const;

/** Default orders: the whole pipeline by latest change; "my leads" by what is due first. */
const DEFAULT_SORT: Record<Tab, string> = { all: '-updatedAt', mine: 'nextStepDate' };

/** `/leads` 招商线索: all leads with filters, and "my leads" ordered by next-step date. */
export function LeadsPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const canWrite = can('lead.write');
  const officers = useOfficerOptions(can('lead.read'));
  // Tab, search, filters and order live in the address: Back and a shared link restore them.
  const [url, setUrl] = useUrlFilters(URL_KEYS);
  const tab: Tab = url.tab === 'all' || url.tab === 'mine' ? url.tab : canWrite ? 'mine' : 'all';
  const filters: Filters = {
    q: url.q,
    status: (url.status ?? '')
      .split(',')
      .flatMap((s) => LEAD_STATUSES.filter((k) => k.key === s).map((k) => k.key)),
    source: LEAD_SOURCES.find((k) => k === url.source),
    ownerId: url.ownerId,
    linkId: url.linkId,
    overdue: url.overdue === '1',
    sort: url.sort ?? DEFAULT_SORT[tab],
  };
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);

  const listQuery: Omit<LeadListQuery, 'limit' | 'offset'> = {
    q: filters.q,
    status: filters.status.length ? filters.status.join(',') : undefined,
    source: filters.source,
    ownerId: tab === 'mine' ? undefined : filters.ownerId,
    linkId: filters.linkId,
    mine: tab === 'mine' ? true : undefined,
    overdue: filters.overdue || undefined,
    sort: filters.sort,
  };
  const leads = useLeads({ ...listQuery, limit: page.pageSize, offset: (page.current - 1) * page.pageSize });

  const setFilter = (patch: Partial<Filters>, nextTab: Tab = tab) => {
    const next = { ...filters, ...patch };
    setUrl({
      q: next.q,
      status: next.status.length ? next.status.join(',') : undefined,
      source: next.source,
      ownerId: next.ownerId,
      linkId: next.linkId,
      overdue: next.overdue ? '1' : undefined,
      sort: next.sort === DEFAULT_SORT[nextTab] ? undefined : next.sort,
      tab: nextTab === (canWrite ? 'mine' : 'all') ? undefined : nextTab,
    });
    setPage((current) => ({ ...current, current: 1 }));
  };

  const handleTab = (key: string) => {
    const next = key as Tab;
    setFilter({ sort: DEFAULT_SORT[next] }, next);
  };

  return (
    <>
      <PageHeader
        title={t('lead.title')}
        subtitle={t('module.lead.desc')}
        extra={
          <Space wrap>
            <ExcelButtons
              kind="lead"
              exportQuery={{ ...listQuery }}
              canImport={can('import.run')}
              onImported={() => leads.refetch()}
            />
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="leads-create"
              >
                {t('lead.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        {/* Segmented, not Tabs: Tabs brings the dropdown and menu libraries to a phone. */}
        <Segmented
          value={tab}
          onChange={handleTab}
          options={[
            ...(canWrite
              ? [{ value: 'mine', label: <span data-testid="leads-tab-mine">{t('lead.mine')}</span> }]
              : []),
            { value: 'all', label: <span data-testid="leads-tab-all">{t('lead.all')}</span> },
          ]}
          style={{ marginBottom: 16 }}
        />
        <LeadFilterBar tab={tab} filters={filters} officers={officers} onChange={setFilter} />
        {leads.isError && !leads.data ? (
          <LoadErrorResult error={leads.error} onRetry={() => leads.refetch()} />
        ) : (
          <LeadsTable
            data={leads.data}
            loading={leads.isFetching}
            sort={filters.sort}
            defaultSort={DEFAULT_SORT[tab]}
            page={page}
            onSort={(sort) => setFilter({ sort })}
            onPage={setPage}
          />
        )}
      </Card>
      {creating ? (
        <LeadFormModal
          officerOptions={officers}
          onClose={() => setCreating(false)}
          onCreated={(lead) => navigate(`/leads/${lead.id}`)}
        />
      ) : null}
    </>
  );
}
