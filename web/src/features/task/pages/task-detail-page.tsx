import { CheckOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  List,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { AttachmentList } from '../../../components/attachment-list';
import { DeadlineTag } from '../../../components/deadline-tag';
import { LoadErrorResult } from '../../../components/load-error-result';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { TaskProgress, TaskStatusTag, TaskTypeTag } from '../../../components/task-status-tag';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime, ZONE_TIME_ZONE } from '../../../lib/date-format';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';
import { type Milestone, useInvalidateTasks, useTask, useUpdateMilestone } from '../api/use-tasks';
import { DecideModal, ProposeModal, ReportModal } from '../components/task-decision-modals';

/** `/tasks/:id`: a task with its roadmap, progress reports, escalations, 申请销号 and 销号. */
export function TaskDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const task = useTask(id);
  const invalidate = useInvalidateTasks();
  const markDone = useUpdateMilestone(id);
  const [modal, setModal] = useState<'report' | 'propose' | 'decide' | null>(null);

  if (task.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (task.isError) {
    if (task.error instanceof ApiError && task.error.status === 404) return <NotFoundResult />;
    return <LoadErrorResult error={task.error} onRetry={() => task.refetch()} />;
  }
  const d = task.data;
  const today = dayjs().tz(ZONE_TIME_ZONE).format('YYYY-MM-DD');

  return (
    <>
      <PageHeader
        title={d.title}
        crumbs={[{ title: t('task.title'), path: '/tasks' }]}
        subtitle={
          <Space size={4} wrap>
            <span>{d.code}</span>
            <TaskTypeTag type={d.type} />
            <TaskStatusTag status={d.status} />
            <SampleTag isSample={d.isSample} />
          </Space>
        }
        extra={
          <Space wrap>
            {d.can.report ? (
              <Button onClick={() => setModal('report')} data-testid="task-report">
                {t('task.report')}
              </Button>
            ) : null}
            {d.can.propose ? (
              <Button type="primary" onClick={() => setModal('propose')} data-testid="task-propose">
                {t('task.propose')}
              </Button>
            ) : null}
            {d.can.close ? (
              <Button type="primary" onClick={() => setModal('decide')} data-testid="task-decide">
                {t('task.decide')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {d.overdue ? (
        <Alert
          type={d.escalation === 'leader' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="task-escalation"
          title={`${t('sup.overdueDays', { days: d.daysLate })} · ${t(d.escalation === 'leader' ? 'sup.escalation.taskLeader' : `sup.escalation.${d.escalation}`)}`}
        />
      ) : null}
      {d.status === 'proposed' && d.proposedAt ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('task.proposedBy', { name: d.proposedByName ?? '', at: formatDateTime(d.proposedAt) })}
          description={d.evidence}
        />
      ) : null}
      {d.status === 'closed' && d.closedAt ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="task-closed"
          title={t('task.closedBy', { name: d.closedByName ?? '', at: formatDateTime(d.closedAt) })}
          description={[d.evidence, d.closeNote].filter(Boolean).join(' / ')}
        />
      ) : null}
      {d.status === 'in_progress' && d.returnReason ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('task.returned', { reason: d.returnReason })}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('task.subject')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  label: t('sup.source'),
                  children: `${t(`task.source.${d.source}` as MessageKey)}${d.sourceTitle ? `：${d.sourceTitle}` : ''}`,
                },
                ...(d.campaignName
                  ? [
                      {
                        label: t('task.campaign'),
                        children: [d.campaignName, d.actionName].filter(Boolean).join(' · '),
                      },
                    ]
                  : []),
                ...(d.projectId
                  ? [
                      {
                        label: t('task.project'),
                        // A department reads the task but not project pages: the name without a link.
                        children: can('project.read') ? (
                          <Link to={`/projects/${d.projectId}`} data-testid="task-project-link">
                            {d.projectName}
                          </Link>
                        ) : (
                          d.projectName
                        ),
                      },
                    ]
                  : []),
                { label: t('task.description'), children: d.description ?? '—' },
                { label: t('sup.leadUnit'), children: d.leadDepartmentName },
                { label: t('sup.coUnits'), children: d.cooperating.map((u) => u.name).join('、') || '—' },
                { label: t('sup.leader'), children: d.leaderName ?? '—' },
                {
                  label: t('sup.deadline'),
                  children: (
                    <DeadlineTag
                      deadline={d.deadline}
                      daysLate={d.daysLate}
                      escalation={d.escalation}
                      nextOn={d.escalationNextOn}
                      task
                    />
                  ),
                },
                { label: t('sup.progress'), children: <TaskProgress value={d.progress} /> },
                ...(d.pilotLevel
                  ? [
                      {
                        label: t('task.pilotLevel'),
                        children: t(`task.pilotLevel.${d.pilotLevel}` as MessageKey),
                      },
                    ]
                  : []),
                ...(d.outcome ? [{ label: t('task.outcome'), children: d.outcome }] : []),
                ...(d.region ? [{ label: t('task.region'), children: d.region }] : []),
              ]}
            />
          </Card>
          <Card title={t('task.escalations')} style={{ marginTop: 16 }}>
            {d.escalations.length === 0 ? (
              <Typography.Text type="secondary">{t('sup.none')}</Typography.Text>
            ) : (
              <Timeline
                data-testid="task-escalations"
                items={d.escalations.map((e) => ({
                  color: 'red',
                  children: `${formatDateTime(e.at)} · ${e.target ?? ''}（${t('sup.deadline')} ${e.deadline}）`,
                }))}
              />
            )}
          </Card>
          <Card title={t('sup.attachments')} style={{ marginTop: 16 }}>
            <AttachmentList
              files={d.attachments}
              uploadPath={d.can.report || d.can.edit ? `/api/tasks/${d.id}/attachments` : null}
              onUploaded={() => void invalidate()}
              testId="task-attachments"
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('task.roadmap')}>
            <Table<Milestone>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.milestones}
              data-testid="task-roadmap"
              columns={[
                { title: '#', dataIndex: 'position', width: 40 },
                { title: t('task.milestone'), dataIndex: 'name' },
                {
                  title: t('task.planned'),
                  key: 'planned',
                  width: 170,
                  render: (_, m) => (
                    <Space size={4}>
                      {m.plannedDate}
                      {m.late ? <Tag color="red">{t('sup.overdue')}</Tag> : null}
                    </Space>
                  ),
                },
                {
                  title: t('task.done'),
                  key: 'done',
                  width: 150,
                  render: (_, m) =>
                    m.doneDate ? (
                      <Tag color="green" icon={<CheckOutlined />}>
                        {m.doneDate}
                      </Tag>
                    ) : d.can.report || d.can.edit ? (
                      <Button
                        size="small"
                        loading={markDone.isPending}
                        onClick={() =>
                          markDone.mutate({ milestoneId: m.id, version: m.version, doneDate: today })
                        }
                        data-testid="task-milestone-done"
                      >
                        {t('task.markDone')}
                      </Button>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Card>
          <Card title={t('task.reports')} style={{ marginTop: 16 }}>
            <List
              size="small"
              data-testid="task-reports"
              dataSource={d.reports}
              locale={{ emptyText: t('sup.none') }}
              renderItem={(r) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Space>
                      <Tag>{r.periodKey}</Tag>
                      <Typography.Text strong>{r.departmentName}</Typography.Text>
                      {r.percent !== null ? <Tag color="blue">{r.percent}%</Tag> : null}
                    </Space>
                    <span>{r.content}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.actorName} · {formatDateTime(r.updatedAt)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {modal === 'report' ? <ReportModal task={d} onClose={() => setModal(null)} /> : null}
      {modal === 'propose' ? <ProposeModal task={d} onClose={() => setModal(null)} /> : null}
      {modal === 'decide' ? <DecideModal task={d} onClose={() => setModal(null)} /> : null}
    </>
  );
}
