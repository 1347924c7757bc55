import { Button, Card, Col, Row, Statistic, Table } from 'antd';
import { REQUEST_TYPE_LABELS } from '../../../../../shared/src/request-status';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useI18n } from '../../../locales/i18n-context';
import { type OverviewCounts, useRequestOverview } from '../api/use-requests';

/** The leader's view: open requests by department and type, overdue counts, average resolution. */
export function RequestOverviewPanel({ onDepartment }: { onDepartment: (id: string) => void }) {
  const { t, pick } = useI18n();
  const overview = useRequestOverview();
  if (overview.isError) return <LoadErrorResult error={overview.error} onRetry={() => overview.refetch()} />;
  const o = overview.data;
  const counts = [
    { title: t('request.overview.open'), dataIndex: 'open', width: 90 },
    {
      title: t('request.overview.overdue'),
      dataIndex: 'overdue',
      width: 90,
      render: (v: number) => (
        <span style={{ color: v > 0 ? '#cf1322' : undefined, fontWeight: v > 0 ? 600 : undefined }}>{v}</span>
      ),
    },
    { title: t('request.overview.resolved'), dataIndex: 'resolved', width: 90 },
    {
      title: t('request.overview.avgDays'),
      dataIndex: 'avgResolutionDays',
      width: 130,
      render: (v: number | null) => v ?? '—',
    },
  ];
  return (
    <div data-testid="request-overview">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('request.overview.totalOpen')}
              value={o?.totals.open ?? 0}
              loading={overview.isPending}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('request.overview.totalOverdue')}
              value={o?.totals.overdue ?? 0}
              valueStyle={{ color: '#cf1322' }}
              loading={overview.isPending}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('request.overview.unassigned')}
              value={o?.totals.unassigned ?? 0}
              loading={overview.isPending}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('request.overview.avgDays')}
              value={o?.totals.avgResolutionDays ?? '—'}
              loading={overview.isPending}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('request.overview.byDepartment')}>
            <Table<OverviewCounts & { departmentId: string | null; departmentName: string | null }>
              rowKey={(r) => r.departmentId ?? '-'}
              size="small"
              pagination={false}
              loading={overview.isPending}
              dataSource={o?.byDepartment ?? []}
              columns={[
                {
                  title: t('request.department'),
                  key: 'dept',
                  width: 200,
                  render: (_, r) =>
                    r.departmentId ? (
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: 0 }}
                        onClick={() => onDepartment(r.departmentId as string)}
                      >
                        {r.departmentName}
                      </Button>
                    ) : (
                      t('request.overview.unassigned')
                    ),
                },
                ...counts,
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('request.overview.byType')}>
            <Table
              rowKey="type"
              size="small"
              pagination={false}
              loading={overview.isPending}
              dataSource={o?.byType ?? []}
              columns={[
                {
                  title: t('request.type'),
                  key: 'type',
                  width: 140,
                  render: (_, r) => pick(REQUEST_TYPE_LABELS[r.type]),
                },
                ...counts,
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
