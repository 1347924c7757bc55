import { App, Form, Input, Modal } from 'antd';
import type { ReportIssueList } from '../../../../../shared/src/contract/report';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { errorText } from '../../../lib/error-text';
import { usePhoneModalProps } from '../../../lib/use-is-phone';
import { useI18n } from '../../../locales/i18n-context';
import { useIssueReport } from '../api/use-report-issues';

interface Values {
  issuer: string;
  cc: string;
}

/**
 * The 签发 dialog: asks for the 发文单位 and 抄送 (pre-filled with the last issue's) and takes the next
 * number. Its own chunk (with antd's Form and Input), loaded when the button is pressed.
 */
export function IssueReportDialog({
  roundId,
  defaults,
  onClose,
}: {
  roundId: string;
  defaults: ReportIssueList['defaults'];
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const issue = useIssueReport();
  const phoneModal = usePhoneModalProps();
  const onOk = async () => {
    const v = await form.validateFields();
    try {
      const res = await issue.mutateAsync({ roundId, issuer: v.issuer, cc: v.cc ?? '' });
      message.success(t('report.issued', { docNumber: res.docNumber }));
      onClose();
    } catch (err) {
      message.error(errorText(err, pick));
    }
  };
  return (
    <Modal
      {...phoneModal}
      open
      title={t('report.issueTitle')}
      okText={t('report.issueOk')}
      onOk={onOk}
      confirmLoading={issue.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{t('report.issueHint')}</p>
      <Form form={form} layout="vertical" initialValues={defaults}>
        <Form.Item
          name="issuer"
          label={t('report.issuer')}
          rules={[{ required: true, whitespace: true, max: TEXT_LIMITS.name }]}
        >
          <Input data-testid="report-issuer" />
        </Form.Item>
        <Form.Item name="cc" label={t('report.cc')} rules={[{ max: TEXT_LIMITS.short }]}>
          <Input placeholder={t('report.ccPlaceholder')} data-testid="report-cc" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
