import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/date-format';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { isMessageKey, useI18n } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';
import { type AuditEntry, type AuditQuery, useAuditLog } from '../api/use-audit-log';
import { AuditDiff } from '../components/audit-diff';
import { AuditFilterBar, type AuditFilters } from '../components/audit-filter-bar';
import { actionLabel, recordName } from '../components/audit-labels';
import '../components/audit-messages';

const PAGE_SIZE = 50;

/** A translated entity name when the locale has one, else the raw name the server sent. */
function entityLabel(entity: string, t: (key: MessageKey) => string): string {
  const key = `entity.${entity}`;
  return isMessageKey(key) ? t(key) : entity;
}

/** `/audit` (admin): the append-only audit log with filters, server-side paging and a before/after diff. */
export function AuditPage() {
  const { t, pick } = useI18n();
  // Filters and order live in the address: Back and a shared link restore them.
  const [url, setUrl] = useUrlFilters(['actor', 'entity', 'action', 'from', 'to', 'sort'] as const);
  const { sort: sortParam, ...filters } = url;
  const sort: AuditQuery['sort'] = sortParam === 'at' ? 'at' : '-at';
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const query: AuditQuery = {
    ...filters,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
    sort,
  };
  const audit = useAuditLog(query);

  const handleFilters = (next: AuditFilters) => {
    setUrl({ actor: next.actor, entity: next.entity, action: next.action, from: next.from, to: next.to });
    setPage((current) => ({ ...current, current: 1 }));
  };
  const handleTableChange: TableProps<AuditEntry>['onChange'] = (pagination, _filters, sorter) => {
    const order = Array.isArray(sorter) ? sorter[0]?.order : sorter.order;
    setUrl({ sort: order === 'ascend' ? 'at' : undefined });
    setPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? PAGE_SIZE });
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 180,
      sorter: true,
      sortOrder: sort === 'at' ? 'ascend' : 'descend',
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (at: string) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(at)}</span>
      ),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 160,
      render: (name: string | null, row) => {
        if (row.actorKind === 'escalation') {
          return <Typography.Text type="secondary">{t('menus.audit.escalationActor')}</Typography.Text>;
        }
        if (row.actorKind === 'system') {
          return <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>;
        }
        // The display name, with the username to search by beneath it.
        return row.actorDisplayName ? (
          <span title={name ?? undefined}>{row.actorDisplayName}</span>
        ) : (
          (name ?? '—')
        );
      },
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      width: 120,
      render: (entity: string) => <Tag>{entityLabel(entity, t)}</Tag>,
    },
    {
      title: t('menus.audit.record'),
      dataIndex: 'entityId',
      ellipsis: true,
      render: (id: string | null, row) => {
        if (!id) return '—';
        // The record's name from its snapshot; the id stays one copy away for searching.
        const name = recordName(row.before, row.after);
        return name ? (
          <Typography.Text copyable={{ text: id }} title={id}>
            {name}
          </Typography.Text>
        ) : (
          <Typography.Text copyable={{ text: id }} type="secondary">
            {id.slice(0, 8)}…
          </Typography.Text>
        );
      },
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 160,
      render: (action: string) => <span title={action}>{actionLabel(action, t, pick)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        crumbs={[{ title: t('nav.system') }]}
        subtitle={t('module.audit.desc')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => audit.refetch()} loading={audit.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <AuditFilterBar initial={filters} onChange={handleFilters} />
      </Card>
      <Card>
        {audit.isError && !audit.data ? (
          <LoadErrorResult error={audit.error} onRetry={() => audit.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            data-testid="audit-table"
            loading={audit.isFetching}
            dataSource={audit.data?.items ?? []}
            columns={columns}
            onChange={handleTableChange}
            scroll={{ x: 960 }}
            expandable={{
              expandedRowRender: (row) => <AuditDiff before={row.before} after={row.after} />,
              rowExpandable: (row) => row.before !== null || row.after !== null,
            }}
            pagination={{
              current: page.current,
              pageSize: page.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        )}
      </Card>
    </>
  );
}
