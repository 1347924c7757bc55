import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography, Upload } from 'antd';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from '../../../shared/src/attachments';
import { api } from '../lib/api-client';
import { errorText } from '../lib/error-text';
import { fileToBase64 } from '../lib/file-base64';
import { useI18n } from '../locales/i18n-context';

/**
 * The upload button under an attachment list (components/attachment-list.tsx). `uploadPath` is the
 * record's attachments route; files are checked here for size (the server checks size and type again).
 */
export function AttachmentUpload({
  uploadPath,
  onUploaded,
  testId,
}: {
  uploadPath: string;
  onUploaded: () => void;
  testId: string;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const accept = Object.keys(ATTACHMENT_TYPES).join(',');
  return (
    <Upload
      accept={accept}
      showUploadList={false}
      customRequest={async ({ file, onSuccess, onError }) => {
        const f = file as File;
        if (f.size > ATTACHMENT_LIMITS.maxBytes) {
          message.error(t('sup.uploadTooLarge'));
          onError?.(new Error('too large'));
          return;
        }
        try {
          await api.post(uploadPath, { fileName: f.name, contentBase64: await fileToBase64(f) });
          onSuccess?.({});
          onUploaded();
        } catch (error) {
          message.error(errorText(error, pick));
          onError?.(error as Error);
        }
      }}
    >
      <Button size="small" icon={<UploadOutlined />} data-testid={`${testId}-upload`}>
        {t('sup.upload')}
      </Button>
      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
        {t('sup.uploadHint')}
      </Typography.Text>
    </Upload>
  );
}
