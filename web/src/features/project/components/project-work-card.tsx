import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { FactorRequest } from '../../../../../shared/src/contract/request';
import type { Task } from '../../../../../shared/src/contract/task';
import { REQUEST_STATUS_LABELS } from '../../../../../shared/src/request-status';
import { TASK_STATUS_LABELS } from '../../../../../shared/src/task-status';
import { DeadlineTag } from '../../../components/deadline-tag';
import { useProjectRequests, useProjectTasks } from '../../../lib/use-project-work';
import { useI18n } from '../../../locales/i18n-context';

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
      <Typography.Title level={5}>
        {t('project.work.requests')}
        <Typography.Text type="secondary"> · {requests.data?.total ?? 0}</Typography.Text>
      </Typography.Title>
      <Table<FactorRequest>
        rowKey="id"
        size="small"
        loading={requests.isLoading}
        dataSource={requests.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="project-requests"
        locale={{ emptyText: t('project.work.noRequests') }}
        columns={[
          {
            title: t('request.subject'),
            key: 'title',
            render: (_, r) => (
              <span>
                <Link to={`/requests/${r.id}`} data-testid="project-request-link">
                  {r.title}
                </Link>
                <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{r.code}</div>
              </span>
            ),
          },
          {
            title: t('sup.status'),
            key: 'status',
            width: 100,
            render: (_, r) => <Tag>{pick(REQUEST_STATUS_LABELS[r.status])}</Tag>,
          },
          {
            title: t('request.department'),
            key: 'unit',
            width: 160,
            render: (_, r) => r.departmentName ?? t('project.work.unassigned'),
          },
          {
            title: t('sup.deadline'),
            key: 'deadline',
            width: 220,
            render: (_, r) => <DeadlineTag deadline={r.deadline} daysLate={r.daysLate} />,
          },
        ]}
      />
      {showTasks ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('project.work.tasks')}
            <Typography.Text type="secondary"> · {tasks.data?.total ?? 0}</Typography.Text>
          </Typography.Title>
          <Table<Task>
            rowKey="id"
            size="small"
            loading={tasks.isLoading}
            dataSource={tasks.data?.items ?? []}
            pagination={false}
            scroll={{ x: 720 }}
            data-testid="project-tasks"
            locale={{ emptyText: t('project.work.noTasks') }}
            columns={[
              {
                title: t('task.subject'),
                key: 'title',
                render: (_, r) => (
                  <span>
                    <Link to={`/tasks/${r.id}`} data-testid="project-task-link">
                      {r.title}
                    </Link>
                    <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{r.code}</div>
                  </span>
                ),
              },
              {
                title: t('sup.status'),
                key: 'status',
                width: 100,
                render: (_, r) => <Tag>{pick(TASK_STATUS_LABELS[r.status])}</Tag>,
              },
              { title: t('sup.leadUnit'), dataIndex: 'leadDepartmentName', width: 160 },
              {
                title: t('sup.deadline'),
                key: 'deadline',
                width: 220,
                render: (_, r) => <DeadlineTag deadline={r.deadline} daysLate={r.daysLate} task />,
              },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
