import { Space, Tag, Typography } from 'antd';
import { daysBetween, todayInShanghai } from '../../../../../shared/src/dates';
import { useI18n } from '../../../locales/i18n-context';
import type { Lead } from '../api/use-leads';

/** Next step and its date; an overdue one in red with how many days it is late. */
export function NextStepCell({ lead }: { lead: Pick<Lead, 'nextStep' | 'nextStepDate' | 'overdue'> }) {
  const { t } = useI18n();
  if (!lead.nextStep && !lead.nextStepDate) return <Typography.Text type="secondary">—</Typography.Text>;
  const late = lead.overdue && lead.nextStepDate ? daysBetween(lead.nextStepDate, todayInShanghai()) : 0;
  return (
    <Space orientation="vertical" size={0}>
      <Space size={4}>
        <Typography.Text type={lead.overdue ? 'danger' : undefined} strong={lead.overdue}>
          {lead.nextStepDate ?? '—'}
        </Typography.Text>
        {lead.overdue ? (
          <Tag color="red" data-testid="overdue-tag">
            {t('lead.overdueDays', { days: late })}
          </Tag>
        ) : null}
      </Space>
      {lead.nextStep ? (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
          {lead.nextStep}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
