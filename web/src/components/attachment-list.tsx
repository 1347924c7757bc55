import { PaperClipOutlined } from '@ant-design/icons';
import { List, Space, Typography } from 'antd';
import type { AttachmentMeta } from '../../../shared/src/contract/attachment';
import { lazyComponent } from '../lib/lazy-component';
import { useI18n } from '../locales/i18n-context';

export type { AttachmentMeta } from '../../../shared/src/contract/attachment';

// The upload button (antd's Upload) loads after the list: most visits only read the files.
const AttachmentUpload = lazyComponent(() => import('./attachment-upload').then((m) => m.AttachmentUpload));

/**
 * Attachments of a record, with an upload button when `uploadPath` (the record's attachments route)
 * is given.
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
  const { t } = useI18n();
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
        <AttachmentUpload uploadPath={uploadPath} onUploaded={onUploaded} testId={testId} />
      ) : null}
    </Space>
  );
}
