import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { type UIEvent, useState } from 'react';
import { Link } from 'react-router';
import type {
  KanbanCard as KanbanCardData,
  KanbanColumn as KanbanColumnData,
} from '../../../../../shared/src/contract/project';
import { projectStageLabel } from '../../../../../shared/src/project-stage';
import { useFormatMoney } from '../../../components/money-text';
import { SampleTag } from '../../../components/sample-tag';
import { STAGE_COLORS } from '../../../components/stage-tag';
import { useI18n } from '../../../locales/i18n-context';
import { type ProjectFilters, useKanbanColumnPages } from '../api/use-projects';
import { PriorityTag } from './priority-tag';

/** Every card is this tall (name on one line, one line of tags), so the column can window them. */
const CARD_HEIGHT = 68;
const GAP = 8;
const ROW = CARD_HEIGHT + GAP;
/** The column's scroll area; cards outside it (plus a margin) are not in the DOM. */
const VIEWPORT = 560;
const OVERSCAN = 4;
/** Fetch the next page when the scroll is this close to the end of what is loaded. */
const PREFETCH_PX = ROW * 6;

function KanbanCard({ project, top }: { project: KanbanCardData; top: number }) {
  const { t } = useI18n();
  const formatMoney = useFormatMoney();
  return (
    <Card
      size="small"
      hoverable
      data-testid="kanban-card"
      style={{ position: 'absolute', top, left: 0, right: 0, height: CARD_HEIGHT, overflow: 'hidden' }}
      styles={{ body: { padding: 10 } }}
    >
      <Link
        to={`/projects/${project.id}`}
        title={project.name}
        style={{
          fontWeight: 500,
          display: 'block',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        }}
      >
        {project.name}
      </Link>
      <Flex gap={4} style={{ marginTop: 4, overflow: 'hidden', whiteSpace: 'nowrap' }} align="center">
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
  );
}

/**
 * One stage column of the kanban: the count and total from the server, the first cards from the
 * kanban answer, the rest fetched a page at a time as the column scrolls, and only the cards in
 * view rendered (fixed-height rows), so 10 000 projects cost what one screen of cards costs.
 */
export function KanbanColumn({ column, filters }: { column: KanbanColumnData; filters: ProjectFilters }) {
  const { t, pick } = useI18n();
  const formatMoney = useFormatMoney();
  const [scrollTop, setScrollTop] = useState(0);
  const [wantMore, setWantMore] = useState(false);
  const pages = useKanbanColumnPages(
    filters,
    { stage: column.stage, after: column.items.length, total: column.count },
    wantMore,
  );
  // The first cards are slim (kanbanCardSchema); the next pages are whole projects from the list.
  const items: KanbanCardData[] = [...column.items, ...(pages.data?.pages.flatMap((p) => p.items) ?? [])];
  const more = items.length < column.count;

  const handleScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    setScrollTop(el.scrollTop);
    const nearEnd = el.scrollTop + el.clientHeight >= items.length * ROW - PREFETCH_PX;
    if (!nearEnd || !more || pages.isFetching) return;
    if (!wantMore) setWantMore(true);
    else if (pages.hasNextPage) void pages.fetchNextPage();
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + VIEWPORT) / ROW) + OVERSCAN);

  return (
    <Card
      size="small"
      style={{ width: 240, background: '#f7f9fc' }}
      data-testid={`kanban-column-${column.stage}`}
      title={
        <Flex justify="space-between" align="center">
          <Tag color={STAGE_COLORS[column.stage]}>{pick(projectStageLabel(column.stage))}</Tag>
          <Typography.Text type="secondary" data-testid="kanban-count">
            {t('project.kanbanCount', { count: column.count })}
          </Typography.Text>
        </Flex>
      }
    >
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('project.kanbanTotal', { amount: formatMoney(column.totalInvestment) })}
      </Typography.Text>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.kanbanEmpty')} />
      ) : (
        <div
          style={{ maxHeight: VIEWPORT, overflowY: 'auto', position: 'relative' }}
          onScroll={handleScroll}
          data-testid="kanban-scroll"
          data-loaded={items.length}
        >
          <div style={{ position: 'relative', height: items.length * ROW - GAP }}>
            {items.slice(first, last).map((project, i) => (
              <KanbanCard key={project.id} project={project} top={(first + i) * ROW} />
            ))}
          </div>
          {more ? (
            <Flex justify="center" style={{ padding: 8 }}>
              {pages.isFetching ? (
                <Spin size="small" />
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('kanban.scrollForMore', { count: column.count - items.length })}
                </Typography.Text>
              )}
            </Flex>
          ) : null}
        </div>
      )}
    </Card>
  );
}
