import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useI18n } from '../../../locales/i18n-context';

/** Shows a new token's secret once, with a copy button; closing it forgets the secret. */
export function TokenSecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();

  const handleCopy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      message.success(t('tokens.copied'));
    } catch {
      message.warning(t('tokens.copyFailed'));
    }
  };

  return (
    <Modal
      open={secret !== null}
      title={t('tokens.secretTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
      width={600}
    >
      <Alert type="warning" showIcon title={t('tokens.secretWarning')} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={secret ?? ''}
          data-testid="token-secret"
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
          onFocus={(event) => event.target.select()}
        />
        <Button type="primary" icon={<CopyOutlined />} onClick={handleCopy} data-testid="token-copy">
          {t('tokens.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
