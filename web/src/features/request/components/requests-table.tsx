import { Link } from 'react-router';
import { DeadlineTag } from '../../../components/deadline-tag';
import { ResponsiveTable } from '../../../components/responsive-table';
import { SampleTag } from '../../../components/sample-tag';
import { useI18n } from '../../../locales/i18n-context';
import type { FactorRequest } from '../api/use-requests';
import { RequestStatusTag, RequestTypeTag } from './request-status-tag';

/** Requests as a table; the server already sorts overdue first, then by deadline. */
export function RequestsTable({
  data,
  total,
  loading,
  page,
  onPage,
  testId,
}: {
  data: FactorRequest[];
  total: number;
  loading: boolean;
  page: { current: number; pageSize: number };
  onPage: (current: number, pageSize: number) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <ResponsiveTable<FactorRequest>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data}
      data-testid={testId}
      rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
      pagination={{
        ...page,
        total,
        showSizeChanger: true,
        onChange: onPage,
        showTotal: (n) => t('common.total', { total: n }),
      }}
      scroll={{ x: 1000 }}
      columns={[
        {
          title: t('request.subject'),
          key: 'title',
          render: (_, r) => (
            <span>
              <Link to={`/requests/${r.id}`} data-testid="request-link">
                {r.title}
              </Link>{' '}
              <SampleTag isSample={r.isSample} />
              <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{r.code}</div>
            </span>
          ),
        },
        {
          title: t('request.type'),
          key: 'type',
          width: 120,
          render: (_, r) => <RequestTypeTag type={r.type} />,
        },
        { title: t('request.firm'), key: 'firm', render: (_, r) => r.projectName ?? r.firmName },
        {
          title: t('request.department'),
          dataIndex: 'departmentName',
          width: 150,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('sup.status'),
          key: 'status',
          width: 110,
          render: (_, r) => <RequestStatusTag status={r.status} />,
        },
        {
          title: t('sup.deadline'),
          key: 'deadline',
          width: 260,
          render: (_, r) => (
            <DeadlineTag
              deadline={r.deadline}
              daysLate={r.daysLate}
              escalation={r.escalation}
              nextOn={r.escalationNextOn}
            />
          ),
        },
      ]}
    />
  );
}
