import { App, Form, Input, Modal } from 'antd';
import type { ReportIssue } from '../../../../../shared/src/contract/report';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { errorText } from '../../../lib/error-text';
import { usePhoneModalProps } from '../../../lib/use-is-phone';
import { useI18n } from '../../../locales/i18n-context';
import { useWithdrawIssue } from '../api/use-report-issues';

/** 作废 of an issued report: asks why (kept with the issue and in the audit log). Its own chunk. */
export function WithdrawIssueDialog({ issue, onClose }: { issue: ReportIssue; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawIssue();
  const phoneModal = usePhoneModalProps();
  const onOk = async () => {
    const v = await form.validateFields();
    withdraw.mutate(
      { id: issue.id, reason: v.reason },
      {
        onSuccess: () => {
          message.success(t('report.withdrawn', { docNumber: issue.docNumber }));
          onClose();
        },
        onError: (err) => message.error(errorText(err, pick)),
      },
    );
  };
  return (
    <Modal
      {...phoneModal}
      open
      title={t('report.withdrawTitle', { docNumber: issue.docNumber })}
      okText={t('report.withdraw')}
      okButtonProps={{ danger: true, 'data-testid': 'report-withdraw-ok' } as never}
      onOk={onOk}
      confirmLoading={withdraw.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{t('report.withdrawHint')}</p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('report.withdrawReason')}
          rules={[{ required: true, whitespace: true, max: TEXT_LIMITS.long }]}
        >
          <Input.TextArea rows={3} data-testid="report-withdraw-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
