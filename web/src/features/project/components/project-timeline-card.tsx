import { Card, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LoadErrorResult } from '../../../components/load-error-result';
import { formatDateTime } from '../../../lib/date-format';
import { fieldLabel } from '../../../lib/timeline-field-label';
import { useI18n } from '../../../locales/i18n-context';
import { type TimelineItem, useTimeline } from '../api/use-projects';

const KIND_COLORS: Record<TimelineItem['kind'], string> = {
  stage: 'blue',
  milestone: 'green',
  followup: 'purple',
  edit: 'gray',
};

/** The project's history, newest first: stage moves, milestones, lead follow-ups and edits. */
export function ProjectTimelineCard({ projectId }: { projectId: string }) {
  const { t, pick, lang } = useI18n();
  const timeline = useTimeline(projectId);

  let body: ReactNode;
  if (timeline.isPending) body = <Spin />;
  else if (timeline.isError)
    body = <LoadErrorResult error={timeline.error} onRetry={() => timeline.refetch()} />;
  else if (timeline.data.items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />;
  else
    body = (
      <Timeline
        items={timeline.data.items.map((item, index) => ({
          key: `${item.at}-${index}`,
          color: KIND_COLORS[item.kind],
          title: (
            <span>
              <Typography.Text strong>{item.date}</Typography.Text>{' '}
              <Tag color={KIND_COLORS[item.kind]} style={{ marginInlineStart: 4 }}>
                {t(`timeline.kind.${item.kind}`)}
              </Tag>
            </span>
          ),
          content: (
            <>
              <div>{pick(item.title)}</div>
              {item.fields.length > 0 ? (
                <Typography.Paragraph
                  type="secondary"
                  style={{ marginBottom: 0 }}
                  data-testid="timeline-fields"
                >
                  {t('timeline.fields', {
                    fields: item.fields
                      .map((field) => fieldLabel(field, t))
                      .join(lang === 'zh' ? '、' : ', '),
                  })}
                </Typography.Paragraph>
              ) : null}
              {item.detail ? (
                <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {item.detail}
                </Typography.Paragraph>
              ) : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[item.actorName, formatDateTime(item.at)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </>
          ),
        }))}
      />
    );

  return (
    <Card title={t('timeline.title')} data-testid="project-timeline">
      {body}
    </Card>
  );
}
