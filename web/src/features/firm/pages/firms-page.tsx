import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { INDUSTRY_CODES } from '../../../../../shared/src/industry-codes';
import { ChainLinkSelect } from '../../../components/chain-link-select';
import { ExcelButtons } from '../../../components/excel-buttons';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { PageHeader } from '../../../components/page-header';
import { RecordLinkText } from '../../../components/record-link-text';
import { ResponsiveTable } from '../../../components/responsive-table';
import { SampleTag } from '../../../components/sample-tag';
import { formatDateTime } from '../../../lib/date-format';
import { sortOrderOf, sortParamOf } from '../../../lib/table-sort';
import { useCan } from '../../../lib/use-me';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useI18n } from '../../../locales/i18n-context';
import {
  FIRM_SIZE_CLASSES,
  type Firm,
  type FirmListQuery,
  type FirmSizeClass,
  useFirms,
} from '../api/use-firms';
import { BulkImportButton } from '../components/bulk-import-button';
import { FirmFormModal } from '../components/firm-form-modal';

const PAGE_SIZE = 20;
const DIVISIONS = INDUSTRY_CODES.filter((entry) => entry.level === 'division');

type Filters = Omit<FirmListQuery, 'limit' | 'offset'>;
const URL_KEYS = ['q', 'isLocal', 'industryCode', 'tag', 'sizeClass', 'listed', 'linkId', 'sort'] as const;

/** `/firms` 企业库: search, filters, sortable columns, Excel in and out, create. */
export function FirmsPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const formatMoney = useFormatMoney();
  // Search, filters and order live in the address: Back and a shared link restore them.
  const [url, setUrl] = useUrlFilters(URL_KEYS);
  const filters: Filters = {
    q: url.q,
    isLocal: url.isLocal === undefined ? undefined : url.isLocal === '1',
    industryCode: url.industryCode,
    tag: url.tag,
    sizeClass: FIRM_SIZE_CLASSES.find((k) => k === url.sizeClass),
    listed: url.listed === undefined ? undefined : url.listed === '1',
    linkId: url.linkId,
    sort: url.sort ?? 'name',
  };
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const query: FirmListQuery = {
    ...filters,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const firms = useFirms(query);

  const setFilter = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? '1' : '0');
    setUrl({
      q: next.q,
      isLocal: flag(next.isLocal),
      industryCode: next.industryCode,
      tag: next.tag,
      sizeClass: next.sizeClass,
      listed: flag(next.listed),
      linkId: next.linkId,
      sort: next.sort === 'name' ? undefined : next.sort,
    });
    setPage((current) => ({ ...current, current: 1 }));
  };

  // The zone's labels and lead counts are not in an enterprise user's answer (decision 011).
  const staffView = can('firm.internal');
  const allColumns: Array<NonNullable<TableProps<Firm>['columns']>[number] & { staffOnly?: boolean }> = [
    {
      title: t('firm.name'),
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'name'),
      fixed: 'left',
      width: 280,
      render: (_value, firm) => (
        <Space size={4} wrap>
          <Link to={`/firms/${firm.id}`}>{firm.name}</Link>
          {firm.listedCode ? <Tag color="gold">{t('firm.listed')}</Tag> : null}
          <SampleTag isSample={firm.isSample} />
        </Space>
      ),
    },
    {
      title: t('firm.uscc'),
      dataIndex: 'uscc',
      width: 190,
      render: (uscc: string | null) => (
        <Typography.Text style={{ fontFamily: 'monospace' }}>{uscc ?? '—'}</Typography.Text>
      ),
    },
    {
      title: t('firm.region'),
      key: 'region',
      dataIndex: 'region',
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'region'),
      width: 140,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('firm.industry'),
      key: 'industry',
      ellipsis: true,
      width: 200,
      render: (_value, firm) => (firm.industryCode ? `${firm.industryCode} ${firm.industryName ?? ''}` : '—'),
    },
    {
      title: t('firm.registeredCapital'),
      key: 'registeredCapital',
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'registeredCapital'),
      align: 'right',
      width: 130,
      render: (_value, firm) => formatMoney(firm.registeredCapital),
    },
    {
      title: t('firm.locality'),
      dataIndex: 'isLocal',
      width: 90,
      render: (isLocal: boolean) =>
        isLocal ? <Tag color="blue">{t('firm.local')}</Tag> : <Tag>{t('firm.external')}</Tag>,
    },
    {
      title: t('firm.tags'),
      dataIndex: 'tags',
      width: 200,
      staffOnly: true,
      render: (tags: string[] | undefined) => (
        <Space size={2} wrap>
          {(tags ?? []).map((tag) => (
            <Tag key={tag} style={{ cursor: 'pointer' }} onClick={() => setFilter({ tag })}>
              {tag}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('pipeline.chainLink'),
      key: 'link',
      width: 180,
      ellipsis: true,
      render: (_value, firm) => <RecordLinkText link={firm.link} fallback={firm.chainLink} />,
    },
    { title: t('firm.projectCount'), dataIndex: 'projectCount', align: 'right', width: 80 },
    { title: t('firm.leadCount'), dataIndex: 'leadCount', align: 'right', width: 80, staffOnly: true },
    {
      title: t('pipeline.updatedAt'),
      key: 'updatedAt',
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'updatedAt'),
      width: 170,
      render: (_value, firm) => formatDateTime(firm.updatedAt),
    },
  ];
  const columns = allColumns
    .filter((column) => staffView || !column.staffOnly)
    .map(({ staffOnly: _staffOnly, ...column }) => column);

  return (
    <>
      <PageHeader
        title={t('firm.title')}
        subtitle={t('module.firm.desc')}
        extra={
          <Space wrap>
            <ExcelButtons
              kind="firm"
              exportQuery={{ ...filters }}
              canImport={can('import.run')}
              onImported={() => firms.refetch()}
            />
            {can('import.run') ? <BulkImportButton onWritten={() => firms.refetch()} /> : null}
            {can('firm.write') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="firms-create"
              >
                {t('firm.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('firm.searchPlaceholder')}
            style={{ width: 280 }}
            maxLength={200}
            defaultValue={filters.q}
            onSearch={(value) => setFilter({ q: value.trim() || undefined })}
            data-testid="firms-search"
          />
          <Select<'local' | 'external'>
            allowClear
            placeholder={`${t('firm.locality')}: ${t('common.all')}`}
            style={{ width: 150 }}
            value={filters.isLocal === undefined ? undefined : filters.isLocal ? 'local' : 'external'}
            onChange={(value) => setFilter({ isLocal: value === undefined ? undefined : value === 'local' })}
            options={[
              { value: 'local', label: t('firm.local') },
              { value: 'external', label: t('firm.external') },
            ]}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={`${t('firm.industry')}: ${t('common.all')}`}
            style={{ width: 220 }}
            value={filters.industryCode}
            onChange={(value) => setFilter({ industryCode: value })}
            options={DIVISIONS.map((entry) => ({ value: entry.code, label: `${entry.code} ${entry.name}` }))}
          />
          <Select<FirmSizeClass>
            allowClear
            placeholder={`${t('firm.sizeClass')}: ${t('common.all')}`}
            style={{ width: 140 }}
            value={filters.sizeClass}
            onChange={(value) => setFilter({ sizeClass: value })}
            options={FIRM_SIZE_CLASSES.map((value) => ({ value, label: t(`firm.size.${value}`) }))}
          />
          <Input
            allowClear
            placeholder={t('firm.tagFilter')}
            style={{ width: 150 }}
            value={filters.tag ?? ''}
            onChange={(event) => setFilter({ tag: event.target.value.trim() || undefined })}
          />
          {can('chain.read') ? (
            <ChainLinkSelect
              value={filters.linkId ?? null}
              onChange={(linkId) => setFilter({ linkId: linkId ?? undefined })}
              placeholder={`${t('pipeline.chainLink')}: ${t('common.all')}`}
              style={{ width: 220 }}
              data-testid="firms-link-filter"
            />
          ) : null}
        </Flex>
        {firms.isError && !firms.data ? (
          <LoadErrorResult error={firms.error} onRetry={() => firms.refetch()} />
        ) : (
          <ResponsiveTable<Firm>
            rowKey="id"
            data-testid="firms-table"
            size="middle"
            loading={firms.isFetching}
            dataSource={firms.data?.items ?? []}
            columns={columns}
            scroll={{ x: 1700 }}
            onChange={(pagination, _filters, sorter) => {
              const sort = sortParamOf(sorter) ?? 'name';
              if (sort !== filters.sort) setFilter({ sort });
              else setPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? PAGE_SIZE });
            }}
            pagination={{
              current: page.current,
              pageSize: page.pageSize,
              total: firms.data?.total ?? 0,
              // The phone's cards page through this (the table's own change above does on a desk).
              onChange: (current, pageSize) => setPage({ current, pageSize }),
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        )}
      </Card>
      {creating ? (
        <FirmFormModal
          onClose={() => setCreating(false)}
          onCreated={(firm) => navigate(`/firms/${firm.id}`)}
        />
      ) : null}
    </>
  );
}
