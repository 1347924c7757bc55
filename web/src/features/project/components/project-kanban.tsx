import { Flex, Spin } from 'antd';
import { LoadErrorResult } from '../../../components/load-error-result';
import { type ProjectFilters, useProjectKanban } from '../api/use-projects';
import { KanbanColumn } from './kanban-column';

/**
 * 看板: one column per stage with its count and total investment (from the server), the first
 * projects as cards and the rest loaded as the column scrolls (kanban-column.tsx).
 */
export function ProjectKanban({ filters }: { filters: ProjectFilters }) {
  const kanban = useProjectKanban(filters, true);

  if (kanban.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (kanban.isError) return <LoadErrorResult error={kanban.error} onRetry={() => kanban.refetch()} />;

  return (
    <div style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="kanban">
      <Flex gap={12} style={{ minWidth: 'max-content' }} align="flex-start">
        {kanban.data.columns.map((column) => (
          <KanbanColumn key={column.stage} column={column} filters={filters} />
        ))}
      </Flex>
    </div>
  );
}
