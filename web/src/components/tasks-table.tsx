import { Link } from 'react-router';
import type { Task } from '../../../shared/src/contract/task';
import { useI18n } from '../locales/i18n-context';
import { DeadlineTag } from './deadline-tag';
import { ResponsiveTable } from './responsive-table';
import { SampleTag } from './sample-tag';
import { TaskProgress, TaskStatusTag } from './task-status-tag';

export function TasksTable({
  data,
  total,
  loading,
  page,
  onPage,
}: {
  data: Task[];
  total: number;
  loading: boolean;
  page?: { current: number; pageSize: number };
  onPage?: (current: number, pageSize: number) => void;
}) {
  const { t } = useI18n();
  return (
    <ResponsiveTable<Task>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data}
      data-testid="task-list"
      pagination={
        page ? { ...page, total, onChange: onPage, showTotal: (n) => t('common.total', { total: n }) } : false
      }
      scroll={{ x: 1000 }}
      columns={[
        {
          title: t('task.subject'),
          key: 'title',
          render: (_, r) => (
            <span>
              <Link to={`/tasks/${r.id}`} data-testid="task-link">
                {r.title}
              </Link>{' '}
              <SampleTag isSample={r.isSample} />
              <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
                {r.code}
                {r.actionName ? ` · ${r.actionName}` : ''}
              </div>
            </span>
          ),
        },
        { title: t('sup.leadUnit'), dataIndex: 'leadDepartmentName', width: 150 },
        {
          title: t('sup.status'),
          key: 'status',
          width: 100,
          render: (_, r) => <TaskStatusTag status={r.status} />,
        },
        {
          title: t('sup.progress'),
          key: 'progress',
          width: 150,
          render: (_, r) => <TaskProgress value={r.progress} />,
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
              task
            />
          ),
        },
      ]}
    />
  );
}
