import { Tag } from 'antd';
import { type LeadStatus, leadStatusLabel } from '../../../shared/src/lead-status';
import { useI18n } from '../locales/i18n-context';

const COLORS: Record<LeadStatus, string> = {
  new: 'default',
  contacted: 'cyan',
  visited: 'blue',
  negotiating: 'geekblue',
  signed: 'success',
  shelved: 'orange',
  lost: 'red',
};

/** A lead status (新线索 … 已签约, 已搁置, 已流失) in the current language. */
export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const { pick } = useI18n();
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {pick(leadStatusLabel(status))}
    </Tag>
  );
}
