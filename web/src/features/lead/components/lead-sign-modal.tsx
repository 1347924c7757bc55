import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { todayInShanghai } from '../../../../../shared/src/dates';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { MoneyInput, moneyRule, moneyToYuan, yuanToMoneyText } from '../../../components/money-input';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../locales/i18n-context';
import { type Lead, useSignLead } from '../api/use-leads';

interface SignFormValues {
  projectName: string;
  totalInvestment?: string;
  park?: string;
  signedDate: Dayjs;
}

/** 签约: creates the project at 签约 from this lead and opens it. */
export function LeadSignModal({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<SignFormValues>();
  const sign = useSignLead(lead.id);
  const refused = sign.error instanceof ApiError && sign.error.fields.length === 0 ? sign.error : null;

  return (
    <Modal
      open
      title={t('lead.signTitle')}
      okText={t('lead.sign')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={sign.isPending}
      okButtonProps={{ 'data-testid': 'lead-sign-submit' } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">{t('lead.signHint')}</Typography.Paragraph>
      {refused ? (
        <Alert type="error" showIcon title={pick(refused.text)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        data-testid="lead-sign-form"
        initialValues={{
          projectName: lead.title,
          totalInvestment: yuanToMoneyText(lead.estimatedInvestment),
          signedDate: dayjs(todayInShanghai()),
        }}
        onFinish={(values) =>
          sign.mutate(
            {
              version: lead.version,
              projectName: values.projectName.trim(),
              totalInvestment: moneyToYuan(values.totalInvestment),
              park: values.park?.trim() || null,
              signedDate: values.signedDate.format('YYYY-MM-DD'),
            },
            {
              onSuccess: (result) => {
                message.success(t('lead.signed'));
                onClose();
                navigate(`/projects/${result.project.id}`);
              },
              onError: (error) => {
                if (!applyFieldErrors(form, error, pick) && !(error instanceof ApiError)) {
                  message.error(errorText(error, pick));
                }
              },
            },
          )
        }
      >
        <Form.Item
          name="projectName"
          label={t('project.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={TEXT_LIMITS.name} data-testid="sign-project-name" />
        </Form.Item>
        <Form.Item name="totalInvestment" label={t('project.totalInvestment')} rules={[moneyRule(pick)]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="park" label={t('project.park')}>
          <Input maxLength={TEXT_LIMITS.short} />
        </Form.Item>
        <Form.Item name="signedDate" label={t('lead.signedDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
