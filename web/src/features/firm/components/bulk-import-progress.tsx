import { DownloadOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import type { Lang, Translate } from '../../../locales/i18n-context';
import type { BulkJob } from '../api/use-bulk-import';
import './bulk-import-messages';

/** Where the rate is measured from: the run this screen started or resumed, or first saw. */
export interface RunMark {
  jobId: string;
  /** Client time (ms) and rows read at the start of the measurement. */
  at: number;
  rows: number;
  /** Set when the run began with the upload: the server's own times then give the final rate. */
  fromCreation: boolean;
}

type Shown = 'running' | 'stopping' | 'stopped' | 'failed' | 'done';

const TAG_COLOR: Record<Shown, string> = {
  running: 'processing',
  stopping: 'warning',
  stopped: 'warning',
  failed: 'error',
  done: 'success',
};

/** The server sends its messages as "中文 / English"; show the half in the UI language. */
export function messageIn(message: string, lang: Lang): string {
  const cut = message.indexOf(' / ');
  if (cut < 0) return message;
  return lang === 'zh' ? message.slice(0, cut) : message.slice(cut + 3);
}

/**
 * Rows per second of the current run. The server keeps no per-run timing, so a running job is
 * measured by the browser between polls; a finished job started by this screen by the server's
 * own start and finish times.
 */
export function rowsPerSecond(job: BulkJob, updatedAt: number, mark: RunMark | null): number | null {
  if (!mark || mark.jobId !== job.id) return null;
  if (job.status !== 'running' && mark.fromCreation && job.finishedAt) {
    const ms = new Date(job.finishedAt).getTime() - new Date(job.createdAt).getTime();
    return ms > 0 ? (job.rowsRead / ms) * 1000 : null;
  }
  const ms = updatedAt - mark.at;
  const rows = job.rowsRead - mark.rows;
  return ms >= 500 && rows > 0 ? (rows / ms) * 1000 : null;
}

interface BulkImportProgressProps {
  job: BulkJob;
  rate: number | null;
  stopping: boolean;
  busy: 'stop' | 'resume' | 'report' | null;
  onStop: () => void;
  onResume: () => void;
  onReport: () => void;
  t: Translate;
  lang: Lang;
}

/** The figures of one bulk job and what can be done with it (停止 / 继续 / 下载问题报告). */
export function BulkImportProgress(props: BulkImportProgressProps) {
  const { job, rate, stopping, busy, t, lang } = props;
  const shown: Shown =
    job.status === 'running'
      ? stopping
        ? 'stopping'
        : 'running'
      : job.status === 'done'
        ? 'done'
        : job.resumable
          ? 'stopped'
          : 'failed';
  const number = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  // Only a CSV tells how far into the file the committed batches reach (its byte offset).
  const percent =
    job.status === 'done'
      ? 100
      : job.format === 'csv' && job.fileBytes > 0
        ? Math.floor((job.resumeByte / job.fileBytes) * 100)
        : null;

  return (
    <div data-testid="bulk-job" data-status={shown}>
      {percent !== null ? (
        <Progress
          percent={percent}
          status={
            shown === 'running' || shown === 'stopping'
              ? 'active'
              : shown === 'failed'
                ? 'exception'
                : undefined
          }
        />
      ) : null}
      <Descriptions
        column={2}
        size="small"
        bordered
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'state',
            label: t('bulk.state'),
            span: 2,
            children: (
              <Tag color={TAG_COLOR[shown]} data-testid="bulk-state">
                {t(`bulk.state.${shown}`)}
              </Tag>
            ),
          },
          { key: 'file', label: t('bulk.file'), span: 2, children: job.fileName ?? '—' },
          {
            key: 'rows',
            label: t('bulk.rowsRead'),
            children: <span data-testid="bulk-rows-read">{number(job.rowsRead)}</span>,
          },
          {
            key: 'rate',
            label: t('bulk.rate'),
            children: (
              <span data-testid="bulk-rate">
                {rate === null ? '—' : t('bulk.rateValue', { rate: number(Math.round(rate)) })}
              </span>
            ),
          },
          {
            key: 'committed',
            label: t('bulk.batchesCommitted'),
            children: <span data-testid="bulk-committed">{number(job.batchesCommitted)}</span>,
          },
          {
            key: 'failed',
            label: t('bulk.batchesFailed'),
            children: (
              <Typography.Text type={job.batchesFailed > 0 ? 'danger' : undefined} data-testid="bulk-failed">
                {number(job.batchesFailed)}
              </Typography.Text>
            ),
          },
          {
            key: 'outcome',
            label: t('bulk.outcome'),
            children: `${number(job.created)} / ${number(job.updated)} / ${number(job.unchanged)}`,
          },
          { key: 'errorRows', label: t('bulk.errorRows'), children: number(job.errorRows) },
        ]}
      />
      {job.message ? (
        <Alert
          style={{ marginTop: 12 }}
          showIcon
          type={
            shown === 'failed'
              ? 'error'
              : job.batchesFailed > 0
                ? 'warning'
                : shown === 'done'
                  ? 'success'
                  : 'info'
          }
          title={messageIn(job.message, lang)}
          data-testid="bulk-message"
        />
      ) : null}
      <Space wrap style={{ marginTop: 12 }}>
        {job.status === 'running' ? (
          <Button
            icon={<PauseCircleOutlined />}
            disabled={stopping}
            loading={busy === 'stop'}
            onClick={props.onStop}
            data-testid="bulk-stop"
          >
            {t('bulk.stop')}
          </Button>
        ) : null}
        {job.status !== 'running' && job.resumable ? (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            loading={busy === 'resume'}
            onClick={props.onResume}
            data-testid="bulk-resume"
          >
            {t('bulk.resume')}
          </Button>
        ) : null}
        {job.batchesFailed > 0 ? (
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'report'}
            onClick={props.onReport}
            data-testid="bulk-report"
          >
            {t('bulk.report')}
          </Button>
        ) : null}
      </Space>
    </div>
  );
}
