import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LEAD_STATUSES, type LeadStatus } from '../../../../../shared/src/lead-status';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { ChainLinkSelect } from '../../../components/chain-link-select';
import { ExcelButtons } from '../../../components/excel-buttons';
import { LoadErrorResult } from '../../../components/load-error-result';
import { OfficerSelect } from '../../../components/officer-select';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../../lib/use-me';
import { useOfficerOptions } from '../../../lib/use-officer-options';
import { useI18n } from '../../../locales/i18n-context';
import { LEAD_SOURCES, type LeadListQuery, type LeadSource, useLeads } from '../api/use-leads';
import { LeadFormModal } from '../components/lead-form-modal';
import { LeadsTable } from '../components/leads-table';

const PAGE_SIZE = 20;
type Tab = 'all' | 'mine';

interface Filters {
  q?: string;
  status: LeadStatus[];
  source?: LeadSource;
  ownerId?: string;
  linkId?: string;
  overdue: boolean;
  sort: string;
}

/** Default orders: the whole pipeline by latest change; "my leads" by what is due first. */
const DEFAULT_SORT: Record<Tab, string> = { all: '-updatedAt', mine: 'nextStepDate' };

/** `/leads` 招商线索: all leads with filters, and "my leads" ordered by next-step date. */
export function LeadsPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const canWrite = can('lead.write');
  const officers = useOfficerOptions(can('lead.read'));
  const [tab, setTab] = useState<Tab>(canWrite ? 'mine' : 'all');
  const [filters, setFilters] = useState<Filters>({ status: [], overdue: false, sort: DEFAULT_SORT[tab] });
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

  const setFilter = (patch: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPage((current) => ({ ...current, current: 1 }));
  };

  const handleTab = (key: string) => {
    const next = key as Tab;
    setTab(next);
    setFilter({ sort: DEFAULT_SORT[next] });
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
        <Tabs
          activeKey={tab}
          onChange={handleTab}
          items={[
            ...(canWrite
              ? [{ key: 'mine', label: <span data-testid="leads-tab-mine">{t('lead.mine')}</span> }]
              : []),
            { key: 'all', label: <span data-testid="leads-tab-all">{t('lead.all')}</span> },
          ]}
        />
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('lead.searchPlaceholder')}
            style={{ width: 260 }}
            maxLength={TEXT_LIMITS.short}
            onSearch={(value) => setFilter({ q: value.trim() || undefined })}
            data-testid="leads-search"
          />
          <Select<LeadStatus[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={`${t('lead.status')}: ${t('common.all')}`}
            style={{ width: 260 }}
            value={filters.status}
            onChange={(value) => setFilter({ status: value })}
            options={LEAD_STATUSES.map((s) => ({ value: s.key, label: pick(s) }))}
            data-testid="leads-status-filter"
          />
          <Select<LeadSource>
            allowClear
            placeholder={`${t('lead.source')}: ${t('common.all')}`}
            style={{ width: 160 }}
            value={filters.source}
            onChange={(value) => setFilter({ source: value })}
            options={LEAD_SOURCES.map((value) => ({ value, label: t(`lead.source.${value}`) }))}
          />
          {can('chain.read') ? (
            <ChainLinkSelect
              value={filters.linkId ?? null}
              onChange={(linkId) => setFilter({ linkId: linkId ?? undefined })}
              placeholder={`${t('pipeline.chainLink')}: ${t('common.all')}`}
              style={{ width: 220 }}
              data-testid="leads-link-filter"
            />
          ) : null}
          {tab === 'all' && officers.length > 0 ? (
            <OfficerSelect
              options={officers}
              value={filters.ownerId}
              onChange={(ownerId) => setFilter({ ownerId })}
              placeholder={`${t('lead.owner')}: ${t('common.all')}`}
              style={{ width: 160 }}
            />
          ) : null}
          <Checkbox
            checked={filters.overdue}
            onChange={(event) => setFilter({ overdue: event.target.checked })}
            data-testid="leads-overdue-filter"
            style={{ alignSelf: 'center' }}
          >
            {t('lead.overdueOnly')}
          </Checkbox>
        </Flex>
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
