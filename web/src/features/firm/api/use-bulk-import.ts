import { useMutation, useQuery } from '@tanstack/react-query';
import type { BulkJob } from '../../../../../shared/src/contract/import';
import { ApiError, api, CLIENT_ERROR_CODES } from '../../../lib/api-client';

/**
 * API shapes of the bulk firm import (server: modules/import/bulk/bulk.service.ts, bulkJobSchema).
 * A stopped job is `failed` and `resumable`; `message` is "中文 / English".
 */
export type { BulkJob } from '../../../../../shared/src/contract/import';

/** Same limits as the server's BULK_LIMITS (bulk.service.ts), said before it refuses. */
export const BULK_IMPORT_LIMITS = {
  defaultBatch: 5000,
  maxBatch: 50_000,
  maxFileBytes: 2 * 1024 * 1024 * 1024,
} as const;

const BASE = '/api/imports/firms/bulk';
/** A batch takes seconds; polling faster would only add load to a busy import. */
const POLL_MS = 1500;

export const bulkJobPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

function parseError(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: ConstructorParameters<typeof ApiError>[0] };
    if (body.error?.code && body.error.message) {
      return new ApiError({ ...body.error, status: body.error.status || xhr.status });
    }
  } catch {
    // Not JSON (a proxy's page): fall through to the generic message.
  }
  return new ApiError({
    code: CLIENT_ERROR_CODES.unexpected,
    status: xhr.status,
    message: {
      zh: `服务器返回了无法识别的响应（HTTP ${xhr.status}）`,
      en: `The server sent an unexpected response (HTTP ${xhr.status})`,
    },
  });
}

/**
 * Uploads the file and starts the job. XMLHttpRequest rather than fetch: only it reports upload
 * progress, which matters for a file of hundreds of megabytes.
 */
export function uploadBulkImport(input: {
  file: File;
  batchSize: number;
  csrfToken: string | null;
  onProgress: (fraction: number) => void;
  signal: AbortSignal;
}): Promise<{ jobId: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (input.csrfToken) xhr.setRequestHeader('x-csrf-token', input.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) input.onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 202 || xhr.status === 200) {
        try {
          resolve(JSON.parse(xhr.responseText) as { jobId: string });
        } catch {
          reject(parseError(xhr));
        }
      } else reject(parseError(xhr));
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          code: CLIENT_ERROR_CODES.network,
          status: 0,
          message: {
            zh: '无法连接服务器，请检查网络后重试',
            en: 'Cannot reach the server. Check the network and try again.',
          },
        }),
      );
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    input.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('batchSize', String(input.batchSize));
    form.append('file', input.file);
    xhr.send(form);
  });
}

/** Follows a job: polled while it runs, left alone once stopped, failed or done. */
export function useBulkJob(jobId: string | null) {
  return useQuery({
    queryKey: ['bulk-import', jobId],
    queryFn: ({ signal }) => api.get<BulkJob>(bulkJobPath(jobId ?? ''), undefined, signal),
    enabled: jobId !== null,
    // The browser-measured rate reads the time of the last answer; a focus refetch would skew it.
    refetchOnWindowFocus: false,
    refetchInterval: (query) =>
      !query.state.data || query.state.data.status === 'running' ? POLL_MS : false,
  });
}

/** 停止: the job stops after its current batch (it stays resumable). */
export function useStopBulkJob() {
  return useMutation({
    mutationFn: (id: string) => api.post<{ jobId: string }>(`${bulkJobPath(id)}/stop`),
  });
}

/** 继续: a stopped or interrupted job continues after its last finished batch. */
export function useResumeBulkJob() {
  return useMutation({
    mutationFn: (id: string) => api.post<{ jobId: string }>(`${bulkJobPath(id)}/resume`),
  });
}
