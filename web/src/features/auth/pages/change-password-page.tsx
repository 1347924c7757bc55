import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { newPasswordRules } from '../../../lib/password-rules';
import { useSignedInMe } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { useChangePassword } from '../api/use-auth-mutations';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** `/change-password`: own password; forced before anything else while `mustChangePassword` is set. */
export function ChangePasswordPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useSignedInMe();
  const [form] = Form.useForm<ChangePasswordValues>();
  const mutation = useChangePassword();
  const forced = me.user.mustChangePassword;

  const handleFinish = (values: ChangePasswordValues) => {
    mutation.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success(t('password.changed'));
          form.resetFields();
          if (forced) navigate('/', { replace: true });
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('password.title')} />
      <Card style={{ maxWidth: 560 }}>
        {forced ? (
          <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 24 }} />
        ) : null}
        <Alert
          type="info"
          showIcon
          title={t('password.revokes')}
          style={{ marginBottom: 24 }}
          data-testid="password-revokes-note"
        />
        <Form form={form} layout="vertical" onFinish={handleFinish} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.required') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.policy')}
            dependencies={['currentPassword']}
            rules={[
              ...newPasswordRules(t, pick),
              ({ getFieldValue }) => ({
                validator: (_rule, value: unknown) =>
                  value && value === getFieldValue('currentPassword')
                    ? Promise.reject(new Error(t('password.sameAsCurrent')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: unknown) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button
              type="primary"
              htmlType="submit"
              loading={mutation.isPending}
              data-testid="change-password-submit"
            >
              {t('password.submit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
