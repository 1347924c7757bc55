import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Space, Typography, Upload } from 'antd';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from '../../../shared/src/attachments';
import type { AttachmentMeta } from '../../../shared/src/contract/attachment';
import { api } from '../lib/api-client';
import { errorText } from '../lib/error-text';
import { useI18n } from '../locales/i18n-context';

export type { AttachmentMeta } from '../../../shared/src/contract/attachment';

/** The file as base64 (what the upload routes take). */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Attachments of a record with an upload button. `uploadPath` is the record's attachments route;
 * files are checked here for size (the server checks size and type again).
 */
export function AttachmentList({
  files,
  uploadPath,
  onUploaded,
  testId,
}: {
  files: AttachmentMeta[];
  uploadPath: string | null;
  onUploaded: () => void;
  testId: string;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const accept = Object.keys(ATTACHMENT_TYPES).join(',');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      {files.length === 0 && !uploadPath ? (
        <Typography.Text type="secondary">{t('sup.none')}</Typography.Text>
      ) : null}
      {files.length > 0 ? (
        <List
          size="small"
          dataSource={files}
          renderItem={(f) => (
            <List.Item>
              <Space>
                <PaperClipOutlined />
                <a href={`/api/attachments/${f.id}`} target="_blank" rel="noreferrer">
                  {f.fileName}
                </a>
                <Typography.Text type="secondary">
                  {Math.max(1, Math.round(f.size / 1024))} KB · {f.uploadedByName ?? ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      {uploadPath ? (
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
              await api.post(uploadPath, { fileName: f.name, contentBase64: await toBase64(f) });
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
      ) : null}
    </Space>
  );
}
