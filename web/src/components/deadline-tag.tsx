import { Space, Tag, Tooltip, Typography } from 'antd';
import type { EscalationLevel } from '../../../shared/src/escalation';
import { useI18n } from '../locales/i18n-context';

/** A deadline with how late it is, and the escalation level it reached (computed by the server). */
export function DeadlineTag({
  deadline,
  daysLate,
  escalation,
  nextOn,
  task = false,
}: {
  deadline: string | null;
  daysLate: number;
  escalation?: EscalationLevel;
  nextOn?: string | null;
  /** A task escalates to its supervising leader (督办领导), a request to the project's 包保领导. */
  task?: boolean;
}) {
  const { t } = useI18n();
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>{deadline}</span>
      {daysLate > 0 ? (
        <Tag color="red" data-testid="overdue-tag">
          {t('sup.overdueDays', { days: daysLate })}
        </Tag>
      ) : null}
      {escalation && escalation !== 'none' ? (
        <Tooltip title={nextOn ? t('sup.escalationNext', { date: nextOn }) : undefined}>
          <Tag
            color={escalation === 'leader' ? 'magenta' : 'orange'}
            data-testid={`escalation-${escalation}`}
          >
            {t(
              task && escalation === 'leader' ? 'sup.escalation.taskLeader' : `sup.escalation.${escalation}`,
            )}
          </Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}
