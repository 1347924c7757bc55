import { Space, type TableProps, Typography } from 'antd';
import { Link } from 'react-router';
import { LeadStatusTag } from '../../../components/lead-status-tag';
import { useFormatMoney } from '../../../components/money-text';
import { RecordLinkText } from '../../../components/record-link-text';
import { ResponsiveTable } from '../../../components/responsive-table';
import { SampleTag } from '../../../components/sample-tag';
import type { ListResult } from '../../../lib/api-client';
import { sortOrderOf, sortParamOf } from '../../../lib/table-sort';
import { useI18n } from '../../../locales/i18n-context';
import type { Lead } from '../api/use-leads';
import { NextStepCell } from './next-step-cell';

interface LeadsTableProps {
  data: ListResult<Lead> | undefined;
  loading: boolean;
  sort: string;
  defaultSort: string;
  page: { current: number; pageSize: number };
  onSort: (sort: string) => void;
  onPage: (page: { current: number; pageSize: number }) => void;
}

/** The lead list with sortable columns; overdue rows are tinted red. */
export function LeadsTable({ data, loading, sort, defaultSort, page, onSort, onPage }: LeadsTableProps) {
  const { t } = useI18n();
  const formatMoney = useFormatMoney();
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(sort, key) });

  const columns: TableProps<Lead>['columns'] = [
    {
      title: t('lead.titleField'),
      ...sortable('title'),
      width: 280,
      render: (_value, lead) => (
        <Space orientation="vertical" size={0}>
          <Space size={4} wrap>
            <Link to={`/leads/${lead.id}`}>{lead.title}</Link>
            <SampleTag isSample={lead.isSample} />
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {lead.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('lead.status'),
      ...sortable('status'),
      width: 100,
      render: (_value, lead) => <LeadStatusTag status={lead.status} />,
    },
    {
      title: t('lead.nextStep'),
      ...sortable('nextStepDate'),
      width: 240,
      render: (_value, lead) => <NextStepCell lead={lead} />,
    },
    {
      title: t('lead.estimatedInvestment'),
      ...sortable('estimatedInvestment'),
      align: 'right',
      width: 120,
      render: (_value, lead) => formatMoney(lead.estimatedInvestment),
    },
    {
      title: t('lead.targetFirm'),
      key: 'target',
      width: 200,
      ellipsis: true,
      render: (_value, lead) =>
        lead.targetFirmId ? (
          <Link to={`/firms/${lead.targetFirmId}`}>{lead.targetFirmName}</Link>
        ) : (
          (lead.targetFirmName ?? '—')
        ),
    },
    {
      title: t('lead.source'),
      key: 'source',
      width: 180,
      render: (_value, lead) => (
        <Space orientation="vertical" size={0}>
          {t(`lead.source.${lead.source}`)}
          {lead.referrerFirmName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('lead.referredBy', { firm: lead.referrerFirmName })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('pipeline.chainLink'),
      key: 'link',
      width: 180,
      ellipsis: true,
      render: (_value, lead) => <RecordLinkText link={lead.link} fallback={lead.chainLink} />,
    },
    { title: t('lead.owner'), dataIndex: 'ownerName', width: 120, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <ResponsiveTable<Lead>
      rowKey="id"
      data-testid="leads-table"
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      columns={columns}
      scroll={{ x: 1400 }}
      onRow={(lead) => ({
        'data-overdue': lead.overdue ? 'true' : undefined,
        style: lead.overdue ? { background: '#fff1f0' } : undefined,
      })}
      onChange={(pagination, _filters, sorter) => {
        const next = sortParamOf(sorter) ?? defaultSort;
        if (next !== sort) onSort(next);
        else onPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? page.pageSize });
      }}
      pagination={{
        current: page.current,
        pageSize: page.pageSize,
        total: data?.total ?? 0,
        // The phone's cards page through this (the table's own change above does on a desk).
        onChange: (current, pageSize) => onPage({ current, pageSize }),
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
      }}
    />
  );
}
