import { App, Button, Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { errorText } from '../../../lib/error-text';
import { usePhoneModalProps } from '../../../lib/use-is-phone';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { useIssueReport, useReportIssues } from '../api/use-report-issues';

interface Values {
  issuer: string;
  cc: string;
}

/**
 * 签发 of a round's dispatch report: its 文号 once issued; before that, for who may issue, a button
 * that asks for the 发文单位 and 抄送 (pre-filled with the last issue's) and takes the next number.
 */
export function IssueReportButton({ roundId }: { roundId: string }) {
  const { t, pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const issues = useReportIssues(can('report.read'));
  const issue = useIssueReport();
  const phoneModal = usePhoneModalProps();
  const issued = issues.data?.items.find((i) => i.roundId === roundId);
  if (issued) {
    return (
      <Tag color="red" data-testid="report-doc-number">
        {issued.docNumber}
      </Tag>
    );
  }
  if (!can('report.issue') || !issues.data) return null;
  const onOk = async () => {
    const v = await form.validateFields();
    try {
      const res = await issue.mutateAsync({ roundId, issuer: v.issuer, cc: v.cc ?? '' });
      message.success(t('report.issued', { docNumber: res.docNumber }));
      setOpen(false);
    } catch (err) {
      message.error(errorText(err, pick));
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="report-issue">
        {t('report.issue')}
      </Button>
      <Modal
        {...phoneModal}
        open={open}
        title={t('report.issueTitle')}
        okText={t('report.issueOk')}
        onOk={onOk}
        confirmLoading={issue.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>{t('report.issueHint')}</p>
        <Form form={form} layout="vertical" initialValues={issues.data.defaults}>
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
    </>
  );
}
