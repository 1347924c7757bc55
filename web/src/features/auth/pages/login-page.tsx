import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { FullPageSpin } from '../../../components/full-page-spin';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useMe } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import type { LoginInput } from '../api/auth-api';
import { useLogin } from '../api/use-auth-mutations';
import { AuthShell } from '../components/auth-shell';
import { safeNextPath } from '../components/safe-next-path';

/** `/login`: username and password; shows the server's message (wrong password, locked, rate limited). */
export function LoginPage() {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<LoginInput>();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const loginMutation = useLogin();
  const next = safeNextPath(location.search);

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !loginMutation.isPending) return <Navigate to={next} replace />;

  const handleFinish = (values: LoginInput) => {
    loginMutation.mutate(values, {
      onSuccess: () => navigate(next, { replace: true }),
      onError: (error) => {
        applyFieldErrors(form, error, pick);
        form.setFieldValue('password', '');
      },
    });
  };

  return (
    <AuthShell>
      <Card variant="borderless" style={{ boxShadow: '0 8px 28px rgba(15, 42, 77, 0.12)' }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
          {t('app.fullTitle')}
        </Typography.Paragraph>
        {loginMutation.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorText(loginMutation.error, pick)}
            data-testid="login-error"
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form form={form} layout="vertical" size="large" onFinish={handleFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              maxLength={TEXT_LIMITS.handle}
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              maxLength={TEXT_LIMITS.password}
              data-testid="login-password"
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 12 }}>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={loginMutation.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          {t('login.securityNote')}
        </Typography.Paragraph>
      </Card>
    </AuthShell>
  );
}
