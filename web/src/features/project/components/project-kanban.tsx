import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { projectStageLabel } from '../../../../../shared/src/project-stage';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { SampleTag } from '../../../components/sample-tag';
import { STAGE_COLORS } from '../../../components/stage-tag';
import { useI18n } from '../../../locales/i18n-context';
import { type ProjectFilters, useProjectKanban } from '../api/use-projects';
import { PriorityTag } from './priority-tag';

/** 看板: one column per stage with its count and total investment, the first projects as cards. */
export function ProjectKanban({ filters }: { filters: ProjectFilters }) {
  const { t, pick } = useI18n();
  const formatMoney = useFormatMoney();
  const kanban = useProjectKanban(filters, true);

  if (kanban.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (kanban.isError) return <LoadErrorResult error={kanban.error} onRetry={() => kanban.refetch()} />;

  return (
    <div style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="kanban">
      <Flex gap={12} style={{ minWidth: 'max-content' }} align="flex-start">
        {kanban.data.columns.map((column) => (
          <Card
            key={column.stage}
            size="small"
            style={{ width: 240, background: '#f7f9fc' }}
            data-testid={`kanban-column-${column.stage}`}
            title={
              <Flex justify="space-between" align="center">
                <Tag color={STAGE_COLORS[column.stage]}>{pick(projectStageLabel(column.stage))}</Tag>
                <Typography.Text type="secondary">
                  {t('project.kanbanCount', { count: column.count })}
                </Typography.Text>
              </Flex>
            }
            extra={null}
          >
            <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
              {t('project.kanbanTotal', { amount: formatMoney(column.totalInvestment) })}
            </Typography.Text>
            {column.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.kanbanEmpty')} />
            ) : (
              <Flex vertical gap={8}>
                {column.items.map((project) => (
                  <Card key={project.id} size="small" hoverable styles={{ body: { padding: 10 } }}>
                    <Link to={`/projects/${project.id}`} style={{ fontWeight: 500 }}>
                      {project.name}
                    </Link>
                    <Flex gap={4} wrap style={{ marginTop: 4 }} align="center">
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatMoney(project.totalInvestment)}
                      </Typography.Text>
                      <PriorityTag priority={project.priority} />
                      {project.lateMilestones > 0 ? (
                        <Tag color="red">{t('project.lateDays', { days: project.maxDaysLate })}</Tag>
                      ) : null}
                      <SampleTag isSample={project.isSample} />
                    </Flex>
                  </Card>
                ))}
                {column.count > column.items.length ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('project.kanbanMore', { count: column.count - column.items.length })}
                  </Typography.Text>
                ) : null}
              </Flex>
            )}
          </Card>
        ))}
      </Flex>
    </div>
  );
}
