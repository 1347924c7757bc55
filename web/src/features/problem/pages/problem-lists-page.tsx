import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type ProblemList, useProblemLists } from '../api/use-problems';
import { ProblemListFormModal } from '../components/problem-list-form-modal';

/** `/problem-lists` 问题清单: each list with how many items are closed, on time, overdue. */
export function ProblemListsPage() {
  const { t } = useI18n();
  const can = useCan();
  const lists = useProblemLists();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('problem.title')}
        extra={
          can('problem.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="problem-new"
            >
              {t('problem.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        {lists.isError ? (
          <LoadErrorResult error={lists.error} onRetry={() => lists.refetch()} />
        ) : (
          <Table<ProblemList>
            rowKey="id"
            loading={lists.isPending}
            dataSource={lists.data?.items ?? []}
            pagination={false}
            data-testid="problem-lists"
            columns={[
              {
                title: t('problem.list'),
                key: 'title',
                render: (_, l) => (
                  <span>
                    <Link to={`/problem-lists/${l.id}`} data-testid="problem-list-link">
                      {l.title}
                    </Link>{' '}
                    <SampleTag isSample={l.isSample} />
                    <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{l.code}</div>
                  </span>
                ),
              },
              { title: t('problem.issued'), dataIndex: 'issuedDate', width: 120 },
              {
                title: t('sup.progress'),
                key: 'progress',
                width: 420,
                render: (_, l) => (
                  <div>
                    <Progress
                      percent={l.summary.total ? Math.round((l.summary.closed / l.summary.total) * 100) : 0}
                      size="small"
                    />
                    <span style={{ fontSize: 12 }}>
                      {t('problem.summary', {
                        total: l.summary.total,
                        closed: l.summary.closed,
                        onTime: l.summary.closedOnTime,
                        late: l.summary.closedLate,
                        open: l.summary.open + l.summary.overdue,
                        overdue: l.summary.overdue,
                      })}
                    </span>
                  </div>
                ),
              },
            ]}
          />
        )}
      </Card>
      {creating ? <ProblemListFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
