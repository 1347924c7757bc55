import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import {
  canMoveLead,
  LEAD_STATUS_LIMITS,
  type LeadStatus,
  leadStatusLabel,
} from '../../../../../shared/src/lead-status';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { useI18n } from '../../../locales/i18n-context';
import { type Lead, useMoveLeadStatus } from '../api/use-leads';

/** Confirm a status move, asking for the reason when the machine requires one. */
export function LeadStatusModal({ lead, to, onClose }: { lead: Lead; to: LeadStatus; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const move = useMoveLeadStatus(lead.id);
  const needsReason = !canMoveLead(lead.status, to).ok;
  const refused = move.error instanceof ApiError ? move.error : null;

  return (
    <Modal
      open
      title={t('lead.moveTo', { status: pick(leadStatusLabel(to)) })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      okButtonProps={{ 'data-testid': 'lead-status-submit' } as Record<string, string>}
    >
      <Typography.Paragraph>
        {t('lead.moveFromTo', { from: pick(leadStatusLabel(lead.status)), to: pick(leadStatusLabel(to)) })}
      </Typography.Paragraph>
      {refused ? (
        <Alert type="error" showIcon title={pick(refused.text)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          move.mutate(
            { to, reason: values.reason?.trim() || null, version: lead.version },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => {
                if (!(error instanceof ApiError)) message.error(errorText(error, pick));
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('pipeline.reason')}
          rules={[{ required: needsReason, whitespace: true, message: t('pipeline.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={LEAD_STATUS_LIMITS.reasonMaxLength}
            showCount
            data-testid="lead-status-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
