import { Tag } from 'antd';
import {
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  type RequestStatus,
  type RequestType,
} from '../../../../../shared/src/request-status';
import { useI18n } from '../../../locales/i18n-context';

const COLORS: Record<RequestStatus, string> = {
  submitted: 'default',
  assigned: 'blue',
  accepted: 'cyan',
  in_progress: 'processing',
  resolved: 'gold',
  confirmed: 'green',
  reopened: 'volcano',
  rejected: 'red',
};

export function RequestStatusTag({ status }: { status: RequestStatus }) {
  const { pick } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="request-status">
      {pick(REQUEST_STATUS_LABELS[status])}
    </Tag>
  );
}

export function RequestTypeTag({ type }: { type: RequestType }) {
  const { pick } = useI18n();
  return <Tag>{pick(REQUEST_TYPE_LABELS[type])}</Tag>;
}
