import { App, Form, Input, InputNumber, Modal, Segmented, Select, Switch } from 'antd';
import { useState } from 'react';
import {
  type ChannelKind,
  WEBHOOK_FLAVOURS,
  type WebhookFlavour,
} from '../../../../../shared/src/notify-channels';
import { errorText } from '../../../lib/error-text';
import { useI18n } from '../../../locales/i18n-context';
import { type NewChannel, useCreateChannel } from '../api/use-channels';
import '../../../locales/channels.messages';

type Kind = ChannelKind;

interface Values {
  name: string;
  flavour?: WebhookFlavour;
  url?: string;
  keyword?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  password?: string;
  from?: string;
  to?: string;
}

/** The API's body: a webhook's URL and an SMTP password travel as the secret, never in config. */
function bodyOf(kind: Kind, v: Values): NewChannel {
  if (kind === 'webhook') {
    return {
      kind,
      name: v.name.trim(),
      config: { flavour: v.flavour ?? 'wecom', keyword: v.keyword?.trim() || null },
      secret: v.url?.trim() || null,
    };
  }
  return {
    kind,
    name: v.name.trim(),
    config: {
      host: v.host?.trim() ?? '',
      port: v.port ?? 465,
      secure: v.secure ?? true,
      user: v.user?.trim() || null,
      from: v.from?.trim() ?? '',
      to: (v.to ?? '')
        .split(/[,，;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    },
    secret: v.password || null,
  };
}

/** Adds an outbound channel: a WeChat Work / DingTalk bot by its webhook URL, or an SMTP mailbox. */
export function ChannelFormModal({ onClose }: { onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>('webhook');
  const [form] = Form.useForm<Values>();
  const create = useCreateChannel();
  const handleFinish = (values: Values) => {
    create.mutate(bodyOf(kind, values), {
      onSuccess: () => {
        message.success(t('channels.created'));
        onClose();
      },
      onError: (error) => message.error(errorText(error, pick)),
    });
  };
  const required = [{ required: true, whitespace: true, message: t('channels.required') }];
  return (
    <Modal
      open
      title={t('channels.add')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'channel-create-submit' }}
    >
      <Segmented
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        options={[
          { value: 'webhook', label: t('channels.kind.webhook') },
          { value: 'smtp', label: t('channels.kind.smtp') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ flavour: 'wecom', port: 465, secure: true }}
      >
        <Form.Item name="name" label={t('channels.name')} rules={required}>
          <Input maxLength={100} data-testid="channel-name" />
        </Form.Item>
        {kind === 'webhook' ? (
          <>
            <Form.Item name="flavour" label={t('channels.flavour')}>
              <Select
                options={WEBHOOK_FLAVOURS.map((f) => ({ value: f, label: t(`channels.flavour.${f}`) }))}
              />
            </Form.Item>
            <Form.Item name="url" label={t('channels.url')} rules={required} extra={t('channels.urlHint')}>
              <Input.Password maxLength={1000} data-testid="channel-url" />
            </Form.Item>
            <Form.Item name="keyword" label={t('channels.keyword')}>
              <Input maxLength={40} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="host" label={t('channels.host')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="port" label={t('channels.port')}>
              <InputNumber min={1} max={65535} />
            </Form.Item>
            <Form.Item name="secure" label={t('channels.secure')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="user" label={t('channels.user')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="password" label={t('channels.password')}>
              <Input.Password maxLength={1000} />
            </Form.Item>
            <Form.Item name="from" label={t('channels.from')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="to" label={t('channels.to')} rules={required} extra={t('channels.toHint')}>
              <Input maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
