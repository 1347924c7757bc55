import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, InputNumber, Modal, Progress, Typography, Upload } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError, downloadFile } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { useMe } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import {
  BULK_IMPORT_LIMITS,
  bulkJobPath,
  uploadBulkImport,
  useBulkJob,
  useResumeBulkJob,
  useStopBulkJob,
} from '../api/use-bulk-import';
import { BulkImportProgress, type RunMark, rowsPerSecond } from './bulk-import-progress';
import './bulk-import-messages';

const GB = BULK_IMPORT_LIMITS.maxFileBytes / 1024 ** 3;
const MB = 1024 * 1024;

/**
 * The job a user last started, per user in this browser: a large import runs for hours, and
 * closing the window must not lose sight of it.
 */
function rememberKey(userId: string | undefined): string | null {
  return userId ? `lianzhao.bulkImport.${userId}` : null;
}

function readRemembered(key: string | null): string | null {
  try {
    return key ? window.localStorage.getItem(key) : null;
  } catch {
    return null; // storage blocked: the modal simply starts empty
  }
}

function writeRemembered(key: string | null, jobId: string | null): void {
  try {
    if (!key) return;
    if (jobId) window.localStorage.setItem(key, jobId);
    else window.localStorage.removeItem(key);
  } catch {
    // Not remembered; the job itself is unaffected.
  }
}

interface BulkImportModalProps {
  onClose: () => void;
  /** Called when a run ends having written firms, so the list reloads. */
  onWritten: () => void;
}

/**
 * 批量导入（大文件）: upload a CSV/xlsx of any length, then follow the job batch by batch, stop it,
 * resume it and download the report of the refused rows (server: modules/import/bulk).
 */
export function BulkImportModal({ onClose, onWritten }: BulkImportModalProps) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const storageKey = rememberKey(me.data?.user.id);
  const [jobId, setJobId] = useState<string | null>(() => readRemembered(storageKey));
  const [file, setFile] = useState<File | null>(null);
  const [batchSize, setBatchSize] = useState<number>(BULK_IMPORT_LIMITS.defaultBatch);
  const [upload, setUpload] = useState<{ sent: number; controller: AbortController } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [mark, setMark] = useState<RunMark | null>(null);
  const [stopping, setStopping] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const job = useBulkJob(jobId);
  const stop = useStopBulkJob();
  const resume = useResumeBulkJob();
  const data = job.data;
  const status = data?.status;

  // A remembered job that is no longer visible (or gone) is forgotten, not shown as an error.
  useEffect(() => {
    if (job.error instanceof ApiError && job.error.status === 404) {
      writeRemembered(storageKey, null);
      setJobId(null);
    }
  }, [job.error, storageKey]);

  // A job first seen while running (reopened window) is measured from that first sight.
  useEffect(() => {
    if (data?.status === 'running' && (!mark || mark.jobId !== data.id)) {
      setMark({ jobId: data.id, at: job.dataUpdatedAt, rows: data.rowsRead, fromCreation: false });
    }
  }, [data, mark, job.dataUpdatedAt]);

  // When a run ends: the stop request is answered, and the list reloads if firms were written.
  const ended = useRef<string | null>(null);
  useEffect(() => {
    if (!data || status === 'running') return;
    setStopping(false);
    const key = `${data.id}:${data.finishedAt}`;
    if (ended.current !== key && data.batchesCommitted > 0) onWritten();
    ended.current = key;
  }, [data, status, onWritten]);

  // Leaving the modal mid-upload cancels the upload (nothing has started on the server yet).
  const uploadAborter = useRef<AbortController | null>(null);
  useEffect(() => () => uploadAborter.current?.abort(), []);

  const handleStart = async () => {
    if (!file) return;
    const aborter = new AbortController();
    uploadAborter.current = aborter;
    setUpload({ sent: 0, controller: aborter });
    setUploadError(null);
    try {
      const started = await uploadBulkImport({
        file,
        batchSize,
        csrfToken: me.data?.csrfToken ?? null,
        onProgress: (fraction) => setUpload((u) => (u ? { ...u, sent: fraction } : u)),
        signal: aborter.signal,
      });
      setMark({ jobId: started.jobId, at: Date.now(), rows: 0, fromCreation: true });
      writeRemembered(storageKey, started.jobId);
      setJobId(started.jobId);
      setFile(null);
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) {
        setUploadError(errorText(error, pick));
      }
    } finally {
      uploadAborter.current = null;
      setUpload(null);
    }
  };

  const handleStop = async () => {
    if (!jobId) return;
    try {
      await stop.mutateAsync(jobId);
      setStopping(true);
    } catch (error) {
      message.error(errorText(error, pick));
    }
    await job.refetch();
  };

  const handleResume = async () => {
    if (!jobId || !data) return;
    try {
      await resume.mutateAsync(jobId);
      setMark({ jobId, at: Date.now(), rows: data.rowsRead, fromCreation: false });
    } catch (error) {
      message.error(errorText(error, pick));
    }
    await job.refetch();
  };

  const handleReport = async () => {
    if (!jobId) return;
    setDownloading(true);
    try {
      await downloadFile(`${bulkJobPath(jobId)}/report.csv`, undefined, `${t('bulk.reportFile')}.csv`);
    } catch (error) {
      message.error(errorText(error, pick));
    } finally {
      setDownloading(false);
    }
  };

  const handleNew = () => {
    writeRemembered(storageKey, null);
    setJobId(null);
    setMark(null);
  };

  const explanation = (
    <>
      <Typography.Paragraph type="secondary">{t('bulk.hint', { gb: GB })}</Typography.Paragraph>
      <Alert type="info" showIcon title={t('bulk.batchRule')} style={{ marginBottom: 16 }} />
    </>
  );

  let body: ReactNode;
  if (jobId && data) {
    body = (
      <>
        <Alert type="info" showIcon title={t('bulk.batchRule')} style={{ marginBottom: 12 }} />
        <BulkImportProgress
          job={data}
          rate={rowsPerSecond(data, job.dataUpdatedAt, mark)}
          stopping={stopping}
          busy={stop.isPending ? 'stop' : resume.isPending ? 'resume' : downloading ? 'report' : null}
          onStop={handleStop}
          onResume={handleResume}
          onReport={handleReport}
          t={t}
          lang={lang}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('bulk.closeHint')}
        </Typography.Paragraph>
      </>
    );
  } else if (jobId) {
    body = job.isError ? (
      <Alert type="error" showIcon title={errorText(job.error, pick)} />
    ) : (
      <Progress percent={0} />
    );
  } else if (upload) {
    body = (
      <div data-testid="bulk-uploading">
        {explanation}
        <Progress percent={Math.floor(upload.sent * 100)} status="active" />
        <Typography.Text type="secondary">
          {t('bulk.uploading', {
            done: (((file?.size ?? 0) * upload.sent) / MB).toFixed(1),
            total: ((file?.size ?? 0) / MB).toFixed(1),
          })}
        </Typography.Text>
      </div>
    );
  } else {
    body = (
      <>
        {explanation}
        <Upload.Dragger
          accept=".csv,.xlsx"
          maxCount={1}
          beforeUpload={(picked) => {
            if (picked.size > BULK_IMPORT_LIMITS.maxFileBytes) {
              message.error(t('bulk.tooLarge', { gb: GB }));
              return Upload.LIST_IGNORE;
            }
            setFile(picked);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          data-testid="bulk-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('bulk.dropHere')}</p>
        </Upload.Dragger>
        <Form layout="inline" style={{ marginTop: 16 }}>
          <Form.Item label={t('bulk.batchSize')}>
            <InputNumber<number>
              min={1}
              max={BULK_IMPORT_LIMITS.maxBatch}
              precision={0}
              value={batchSize}
              onChange={(value) => setBatchSize(value ?? BULK_IMPORT_LIMITS.defaultBatch)}
              data-testid="bulk-batch-size"
            />
          </Form.Item>
        </Form>
        {uploadError ? <Alert type="error" showIcon title={uploadError} style={{ marginTop: 16 }} /> : null}
      </>
    );
  }

  const footer: ReactNode[] = [];
  if (upload) {
    footer.push(
      <Button key="cancel-upload" onClick={() => upload.controller.abort()}>
        {t('bulk.cancelUpload')}
      </Button>,
    );
  } else if (jobId) {
    if (status && status !== 'running') {
      footer.push(
        <Button key="new" onClick={handleNew} data-testid="bulk-new">
          {t('bulk.new')}
        </Button>,
      );
    }
    footer.push(
      <Button key="close" onClick={onClose}>
        {t('common.close')}
      </Button>,
    );
  } else {
    footer.push(
      <Button key="cancel" onClick={onClose}>
        {t('common.cancel')}
      </Button>,
      <Button key="start" type="primary" disabled={!file} onClick={handleStart} data-testid="bulk-start">
        {t('bulk.start')}
      </Button>,
    );
  }

  return (
    <Modal open title={t('bulk.title')} onCancel={onClose} width={640} footer={footer} maskClosable={false}>
      {body}
    </Modal>
  );
}
