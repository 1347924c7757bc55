import { Button } from 'antd';
import { ApiError } from '../lib/api-client';
import { errorText } from '../lib/error-text';
import { useI18n } from '../locales/i18n-context';
import { PlainResult } from './plain-result';

/** A failed load with the server's message, its request id (for the IT desk) and a retry. */
export function LoadErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useI18n();
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <PlainResult
      kind="warning"
      title={t('common.loadFailed')}
      subTitle={
        <>
          {errorText(error, pick)}
          {requestId ? <div>{`${t('common.requestId')}: ${requestId}`}</div> : null}
        </>
      }
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.refresh')}
          </Button>
        ) : null
      }
    />
  );
}
