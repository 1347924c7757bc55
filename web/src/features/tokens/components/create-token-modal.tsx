import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../locales/i18n-context';
import { type CreatedToken, useCreateToken } from '../api/use-tokens';

interface CreateTokenModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedToken) => void;
}

/** Asks for a name that says what the token is for (shown in the list and the audit log). */
export function CreateTokenModal({ open, onClose, onCreated }: CreateTokenModalProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const mutation = useCreateToken();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const handleFinish = ({ name }: { name: string }) => {
    mutation.mutate(name.trim(), {
      onSuccess: (created) => onCreated(created),
      onError: (error) => {
        if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('tokens.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'token-create-submit' }}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={handleFinish}>
        <Form.Item
          name="name"
          label={t('tokens.name')}
          rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }]}
        >
          <Input
            placeholder={t('tokens.namePlaceholder')}
            maxLength={TEXT_LIMITS.handle}
            data-testid="token-name"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
