import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Segmented } from 'antd';
import { useState } from 'react';
import { TASK_TYPE_LABELS, TASK_TYPES, type TaskType } from '../../../../../shared/src/task-status';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { TasksTable } from '../../../components/tasks-table';
import { useCan } from '../../../lib/use-me';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useI18n } from '../../../locales/i18n-context';
import { useTasks } from '../api/use-tasks';
import { TaskFormModal } from '../components/task-form-modal';

/** `/tasks` 督办任务: overdue first, by deadline; a department sees the tasks it is on. */
export function TasksPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  // Type, search and 只看超期 live in the address: Back and a shared link restore them.
  const [url, setUrl] = useUrlFilters(['type', 'q', 'overdue'] as const);
  const type: TaskType = TASK_TYPES.find((k) => k === url.type) ?? 'supervision';
  const q = url.q;
  const overdue = url.overdue === '1';
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const setFilter = (patch: Parameters<typeof setUrl>[0]) => {
    setUrl(patch);
    setPage((p) => ({ ...p, current: 1 }));
  };
  const [creating, setCreating] = useState(false);
  const tasks = useTasks({
    type,
    q,
    overdue: overdue || undefined,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  });
  return (
    <>
      <PageHeader
        title={t('task.title')}
        extra={
          can('task.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="task-new"
            >
              {t('task.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Segmented
            value={type}
            onChange={(v) => setFilter({ type: v === 'supervision' ? undefined : String(v) })}
            options={TASK_TYPES.map((k) => ({ value: k, label: pick(TASK_TYPE_LABELS[k]) }))}
          />
          <Input.Search
            allowClear
            placeholder={t('common.search')}
            defaultValue={q}
            onSearch={(v) => setFilter({ q: v || undefined })}
            data-testid="task-search"
            style={{ width: 240 }}
          />
          <Checkbox
            checked={overdue}
            onChange={(e) => setFilter({ overdue: e.target.checked ? '1' : undefined })}
          >
            {t('sup.onlyOverdue')}
          </Checkbox>
        </Flex>
        {tasks.isError ? (
          <LoadErrorResult error={tasks.error} onRetry={() => tasks.refetch()} />
        ) : (
          <TasksTable
            data={tasks.data?.items ?? []}
            total={tasks.data?.total ?? 0}
            loading={tasks.isFetching}
            page={page}
            onPage={(current, pageSize) => setPage({ current, pageSize })}
          />
        )}
      </Card>
      {creating ? <TaskFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
