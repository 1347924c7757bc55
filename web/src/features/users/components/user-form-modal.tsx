import { Alert, App, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { ROLES, type Role } from '../../../../../shared/src/roles';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { newPasswordRules } from '../../../lib/password-rules';
import { useDepartments } from '../../../lib/use-departments';
import { useI18n } from '../../../locales/i18n-context';
import { type UpdateUserInput, type UserAccount, useCreateUser, useUpdateUser } from '../api/use-users';

interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  departmentId?: string | null;
  disabled?: boolean;
  password?: string;
}

interface UserFormModalProps {
  /** The account to edit; absent to create a new one. Mount with `key` per record so the form starts fresh. */
  user?: UserAccount;
  onClose: () => void;
}

/** Only what the admin changed goes to PATCH, so the audit log shows the real change. */
function changedFields(user: UserAccount, values: UserFormValues): UpdateUserInput {
  const input: UpdateUserInput = { version: user.version };
  const departmentId = values.role === 'enterprise' ? null : (values.departmentId ?? null);
  if (values.displayName !== user.displayName) input.displayName = values.displayName;
  if (values.role !== user.role) input.role = values.role;
  if (departmentId !== user.departmentId) input.departmentId = departmentId;
  if ((values.disabled ?? false) !== user.disabled) input.disabled = values.disabled ?? false;
  return input;
}

/** Create or edit a user account; a stale edit (409) shows the server's message and reloads the list. */
export function UserFormModal({ user, onClose }: UserFormModalProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const departments = useDepartments();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const role = Form.useWatch('role', form);
  const editing = user !== undefined;
  const mutation = editing ? updateUser : createUser;
  const conflict =
    updateUser.error instanceof ApiError && updateUser.error.status === 409 ? updateUser.error : null;

  const handleError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) return; // shown in the modal
    if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
  };

  const handleFinish = (values: UserFormValues) => {
    if (user) {
      updateUser.mutate(
        { id: user.id, input: changedFields(user, values) },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            onClose();
          },
          onError: handleError,
        },
      );
      return;
    }
    createUser.mutate(
      {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        departmentId: values.role === 'enterprise' ? undefined : (values.departmentId ?? undefined),
        password: values.password ?? '',
      },
      {
        onSuccess: () => {
          message.success(t('users.created'));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Modal
      open
      title={editing ? t('users.edit') : t('users.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      width={560}
    >
      {conflict ? (
        <Alert type="warning" showIcon title={pick(conflict.text)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        requiredMark="optional"
        data-testid="user-form"
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                role: user.role,
                departmentId: user.departmentId,
                disabled: user.disabled,
              }
            : { role: 'officer', disabled: false }
        }
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={editing ? undefined : t('users.usernameRule')}
          rules={[
            { required: true, message: t('users.usernameRule') },
            { pattern: /^[A-Za-z0-9._-]{2,64}$/, message: t('users.usernameRule') },
          ]}
        >
          <Input disabled={editing} autoComplete="off" maxLength={TEXT_LIMITS.handle} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={TEXT_LIMITS.person} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))} />
        </Form.Item>
        {role === 'enterprise' ? (
          <Typography.Paragraph type="secondary">{t('users.firmPending')}</Typography.Paragraph>
        ) : (
          <Form.Item
            name="departmentId"
            label={t('users.department')}
            rules={[{ required: role === 'department', message: t('users.departmentRequired') }]}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.isPending}
              options={(departments.data?.items ?? []).map((department) => ({
                value: department.id,
                label: department.name,
              }))}
            />
          </Form.Item>
        )}
        {editing ? (
          <Form.Item name="disabled" label={t('users.disableAccount')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={`${t('password.policy')} ${t('users.initialPasswordHint')}`}
            rules={newPasswordRules(t, pick)}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
