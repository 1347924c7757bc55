import { Progress, Tag } from 'antd';
import {
  TASK_STATUS_LABELS,
  TASK_TYPE_LABELS,
  type TaskStatus,
  type TaskType,
} from '../../../shared/src/task-status';
import { useI18n } from '../locales/i18n-context';

const COLORS: Record<TaskStatus, string> = { in_progress: 'processing', proposed: 'gold', closed: 'green' };

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { pick } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="task-status">
      {pick(TASK_STATUS_LABELS[status])}
    </Tag>
  );
}

export function TaskTypeTag({ type }: { type: TaskType }) {
  const { pick } = useI18n();
  return <Tag>{pick(TASK_TYPE_LABELS[type])}</Tag>;
}

export function TaskProgress({ value }: { value: number | null }) {
  return <Progress percent={value ?? 0} size="small" style={{ minWidth: 100 }} />;
}
