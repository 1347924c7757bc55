import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { newPasswordRules } from '../../../lib/password-rules';
import { useI18n } from '../../../locales/i18n-context';
import { type UserAccount, useResetPassword } from '../api/use-users';

/** Sets a new password for another account; the user must change it at next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserAccount | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const mutation = useResetPassword();

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const handleFinish = ({ password }: { password: string }) => {
    if (!user) return;
    mutation.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          message.success(t('users.passwordReset'));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
        },
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordFor', { name: user.displayName }) : ''}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      forceRender
    >
      <Alert type="info" showIcon title={t('users.resetPasswordHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={handleFinish}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('password.policy')}
          rules={newPasswordRules(t, pick)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
