import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { FactorRequest } from '../../../../../shared/src/contract/request';
import type { Task } from '../../../../../shared/src/contract/task';
import { REQUEST_STATUS_LABELS } from '../../../../../shared/src/request-status';
import { TASK_STATUS_LABELS } from '../../../../../shared/src/task-status';
import { DeadlineTag } from '../../../components/deadline-tag';
import { useProjectRequests, useProjectTasks } from '../../../lib/use-project-work';
import { useI18n } from '../../../locales/i18n-context';

/** What the two tables show of a request or a task: its link, code and deadline (the contract's fields). */
type WorkRecord = Pick<FactorRequest, 'id' | 'title' | 'code' | 'deadline' | 'daysLate'>;

interface WorkTableProps<R extends WorkRecord> {
  heading: string;
  list: { data?: { items: R[]; total: number }; isLoading: boolean };
  /** `requests` or `tasks`: the record's path and the test ids. */
  kind: 'requests' | 'tasks';
  emptyText: string;
  subjectTitle: string;
  unitTitle: string;
  status: (r: R) => string;
  unit: (r: R) => string;
}

function WorkTable<R extends WorkRecord>(p: WorkTableProps<R>) {
  const { t } = useI18n();
  const one = p.kind === 'requests' ? 'request' : 'task';
  return (
    <>
      <Typography.Title level={5} style={p.kind === 'tasks' ? { marginTop: 16 } : undefined}>
        {p.heading}
        <Typography.Text type="secondary"> · {p.list.data?.total ?? 0}</Typography.Text>
      </Typography.Title>
      <Table<R>
        rowKey="id"
        size="small"
        loading={p.list.isLoading}
        dataSource={p.list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid={`project-${p.kind}`}
        locale={{ emptyText: p.emptyText }}
        columns={[
          {
            title: p.subjectTitle,
            key: 'title',
            render: (_, r) => (
              <span>
                <Link to={`/${p.kind}/${r.id}`} data-testid={`project-${one}-link`}>
                  {r.title}
                </Link>
                <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{r.code}</div>
              </span>
            ),
          },
          { title: t('sup.status'), key: 'status', width: 100, render: (_, r) => <Tag>{p.status(r)}</Tag> },
          { title: p.unitTitle, key: 'unit', width: 160, render: (_, r) => p.unit(r) },
          {
            title: t('sup.deadline'),
            key: 'deadline',
            width: 220,
            render: (_, r) => (
              <DeadlineTag deadline={r.deadline} daysLate={r.daysLate} task={p.kind === 'tasks'} />
            ),
          },
        ]}
      />
    </>
  );
}

/**
 * 要素需求与督办任务 of one project (issue 15): status, unit, deadline and days overdue, each linking
 * to its record. Tasks only for roles that read tasks (a firm has none to see).
 */
export function ProjectWorkCard({ projectId, showTasks }: { projectId: string; showTasks: boolean }) {
  const { t, pick } = useI18n();
  const requests = useProjectRequests(projectId, true);
  const tasks = useProjectTasks(projectId, showTasks);
  return (
    <Card title={t('project.work.title')} data-testid="project-work">
      <WorkTable<FactorRequest>
        heading={t('project.work.requests')}
        list={requests}
        kind="requests"
        emptyText={t('project.work.noRequests')}
        subjectTitle={t('request.subject')}
        unitTitle={t('request.department')}
        status={(r) => pick(REQUEST_STATUS_LABELS[r.status])}
        unit={(r) => r.departmentName ?? t('project.work.unassigned')}
      />
      {showTasks ? (
        <WorkTable<Task>
          heading={t('project.work.tasks')}
          list={tasks}
          kind="tasks"
          emptyText={t('project.work.noTasks')}
          subjectTitle={t('task.subject')}
          unitTitle={t('sup.leadUnit')}
          status={(r) => pick(TASK_STATUS_LABELS[r.status])}
          unit={(r) => r.leadDepartmentName ?? '—'}
        />
      ) : null}
    </Card>
  );
}
