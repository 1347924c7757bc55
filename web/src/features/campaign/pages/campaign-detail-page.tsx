import { Card, Progress, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { FigureCards } from '../../../components/figure-cards';
import { LoadErrorResult } from '../../../components/load-error-result';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { TasksTable } from '../../../components/tasks-table';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../locales/i18n-context';
import { type CampaignDetail, useCampaign, useCampaignTasks } from '../api/use-campaigns';
import { TaskBookButton } from '../components/task-book-button';

/** `/campaigns/:id`: the actions with their progress, and the tasks of the chosen action. */
export function CampaignDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const campaign = useCampaign(id);
  const [actionId, setActionId] = useState<string>();
  const tasks = useCampaignTasks(id, actionId);
  if (campaign.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (campaign.isError) {
    if (campaign.error instanceof ApiError && campaign.error.status === 404) return <NotFoundResult />;
    return <LoadErrorResult error={campaign.error} onRetry={() => campaign.refetch()} />;
  }
  const c = campaign.data;
  return (
    <>
      <PageHeader
        title={c.name}
        crumbs={[{ title: t('campaign.title'), path: '/campaigns' }]}
        extra={<TaskBookButton campaignId={c.id} />}
        subtitle={
          <Space wrap>
            {c.theme ? <Tag color="gold">{c.theme}</Tag> : null}
            {c.actionCount > 0 ? t('campaign.actionCount', { n: c.actionCount }) : null}
            <SampleTag isSample={c.isSample} />
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{c.description}</Typography.Paragraph>
        <Progress percent={c.progress} />
        {c.figures.length > 0 ? <FigureCards figures={c.figures} testId="campaign-figures" /> : null}
      </Card>
      {c.actions.length > 0 ? (
        <Card title={t('campaign.actions')} style={{ marginBottom: 16 }}>
          <Table<CampaignDetail['actions'][number]>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.actions}
            data-testid="campaign-actions"
            rowClassName={(a) => (a.id === actionId ? 'ant-table-row-selected' : '')}
            onRow={(a) => ({
              onClick: () => setActionId(a.id === actionId ? undefined : a.id),
              style: { cursor: 'pointer' },
            })}
            columns={[
              { title: '#', dataIndex: 'position', width: 40 },
              {
                title: t('campaign.actions'),
                key: 'name',
                render: (_, a) => (
                  <span>
                    {a.name} <SampleTag isSample={a.isSample} />
                  </span>
                ),
              },
              { title: t('sup.leadUnit'), dataIndex: 'leadDepartmentName', width: 160 },
              { title: t('campaign.tasks'), dataIndex: 'taskTotal', width: 70 },
              { title: t('campaign.closed'), dataIndex: 'taskClosed', width: 80 },
              {
                title: t('campaign.overdueTasks'),
                dataIndex: 'taskOverdue',
                width: 90,
                render: (v: number) => (
                  <Typography.Text type={v > 0 ? 'danger' : undefined}>{v}</Typography.Text>
                ),
              },
              {
                title: t('sup.progress'),
                key: 'p',
                width: 180,
                render: (_, a) => <Progress percent={a.progress} size="small" />,
              },
            ]}
          />
        </Card>
      ) : null}
      <Card title={t('campaign.tasks')}>
        <TasksTable
          data={tasks.data?.items ?? []}
          total={tasks.data?.total ?? 0}
          loading={tasks.isFetching}
        />
      </Card>
    </>
  );
}
