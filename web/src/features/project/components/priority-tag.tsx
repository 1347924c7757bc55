import { Tag } from 'antd';
import { useI18n } from '../../../locales/i18n-context';
import type { ProjectPriority } from '../api/use-projects';

const COLORS: Record<ProjectPriority, string> = { provincial: 'red', municipal: 'volcano', district: 'blue' };

/** 省重点 / 市重点 / 区重点. */
export function PriorityTag({ priority }: { priority: ProjectPriority | null }) {
  const { t } = useI18n();
  if (!priority) return null;
  return (
    <Tag color={COLORS[priority]} style={{ marginInlineEnd: 0 }}>
      {t(`project.priority.${priority}`)}
    </Tag>
  );
}
