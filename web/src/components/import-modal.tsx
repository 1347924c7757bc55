import { InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Progress, Result, Typography, Upload } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { ImportJob } from '../../../shared/src/contract/import';
import { IMPORT_LIMITS, type ImportKind } from '../../../shared/src/excel-limits';
import { api, downloadFile } from '../lib/api-client';
import { errorText } from '../lib/error-text';
import { useI18n } from '../locales/i18n-context';

export type { ImportKind } from '../../../shared/src/excel-limits';

const POLL_MS = 700;
/** The server's upload limit, said before it refuses (shared/src/excel-limits.ts). */
const MAX_FILE_MB = IMPORT_LIMITS.maxFileBytes / (1024 * 1024);

interface ImportModalProps {
  kind: ImportKind;
  onClose: () => void;
  onDone: () => void;
}

/**
 * Upload an xlsx made from the template, follow its progress, and on failure offer the file back
 * with an 错误 column (nothing was written: imports are all-or-nothing).
 */
/** A job message is stored as "中文 / English" (import.service's `both`): the two halves. */
function splitJobMessage(message: string): { zh: string; en: string } {
  const at = message.indexOf(' / ');
  return at < 0 ? { zh: message, en: message } : { zh: message.slice(0, at), en: message.slice(at + 3) };
}

export function ImportModal({ kind, onClose, onDone }: ImportModalProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const job = useQuery({
    queryKey: ['import', jobId],
    queryFn: ({ signal }) =>
      api.get<ImportJob>(`/api/import/${encodeURIComponent(jobId ?? '')}`, undefined, signal),
    enabled: jobId !== null,
    refetchInterval: (query) =>
      query.state.data?.status === 'running' || !query.state.data ? POLL_MS : false,
  });
  const status = job.data?.status;

  // Tell the list once per finished job (onDone may be a new function on every render).
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (status === 'done' && jobId && reported.current !== jobId) {
      reported.current = jobId;
      onDone();
    }
  }, [status, jobId, onDone]);

  const handleUpload = async () => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file);
      const started = await api.upload<{ jobId: string }>('/api/import', form);
      setJobId(started.jobId);
    } catch (error) {
      setUploadError(errorText(error, pick));
    } finally {
      setUploading(false);
    }
  };

  const handleErrorFile = async () => {
    if (!jobId) return;
    try {
      await downloadFile(
        `/api/import/${encodeURIComponent(jobId)}/errors.xlsx`,
        undefined,
        `${t('excel.errorFile')}.xlsx`,
      );
    } catch (error) {
      message.error(errorText(error, pick));
    }
  };

  const handleRetry = () => {
    setJobId(null);
    setFile(null);
  };

  const percent =
    job.data && job.data.total > 0 ? Math.floor((job.data.processed / job.data.total) * 100) : 0;

  let body: ReactNode;
  if (!jobId) {
    body = (
      <>
        <Typography.Paragraph type="secondary">{t('excel.importHint')}</Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(picked) => {
            if (picked.size > IMPORT_LIMITS.maxFileBytes) {
              message.error(t('excel.tooLarge', { mb: MAX_FILE_MB }));
              return Upload.LIST_IGNORE;
            }
            setFile(picked);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('excel.dropHere')}</p>
        </Upload.Dragger>
        {uploadError ? <Alert type="error" showIcon title={uploadError} style={{ marginTop: 16 }} /> : null}
      </>
    );
  } else if (!job.data || status === 'running') {
    body = (
      <div data-testid="import-progress">
        <Typography.Paragraph>{t('excel.running')}</Typography.Paragraph>
        <Progress percent={percent} status="active" />
        {job.data ? (
          <Typography.Text type="secondary">
            {t('excel.progress', { processed: job.data.processed, total: job.data.total })}
          </Typography.Text>
        ) : null}
      </div>
    );
  } else if (status === 'done') {
    body = (
      <Result
        status="success"
        title={t('excel.doneTitle')}
        subTitle={t('excel.doneText', { created: job.data.created, updated: job.data.updated })}
        data-testid="import-done"
      />
    );
  } else {
    body = (
      <Result
        status="error"
        title={t('excel.failedTitle')}
        subTitle={
          job.data.errorCount > 0 ? (
            t(job.data.errorCount === 1 ? 'excel.failedRow' : 'excel.failedRows', {
              count: job.data.errorCount,
            })
          ) : job.data.message ? (
            <div>{pick(splitJobMessage(job.data.message))}</div>
          ) : null
        }
        extra={[
          job.data.errorCount > 0 ? (
            <Button key="errors" type="primary" onClick={handleErrorFile} data-testid="import-error-file">
              {t('excel.downloadErrors')}
            </Button>
          ) : null,
          <Button key="retry" onClick={handleRetry}>
            {t('excel.retry')}
          </Button>,
        ]}
        data-testid="import-failed"
      />
    );
  }

  return (
    <Modal
      open
      title={t('excel.importTitle', { what: t(`excel.fileName.${kind}`) })}
      onCancel={onClose}
      width={560}
      footer={
        jobId ? (
          <Button onClick={onClose}>{t('common.close')}</Button>
        ) : (
          [
            <Button key="cancel" onClick={onClose}>
              {t('common.cancel')}
            </Button>,
            <Button
              key="upload"
              type="primary"
              disabled={!file}
              loading={uploading}
              onClick={handleUpload}
              data-testid="import-submit"
            >
              {t('excel.startImport')}
            </Button>,
          ]
        )
      }
    >
      {job.isError ? <Alert type="error" showIcon title={errorText(job.error, pick)} /> : body}
    </Modal>
  );
}
