import { Button } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../locales/i18n-context';
import { PlainResult } from './plain-result';

/** For unknown paths and for pages the user's role may not open (no hint which is which). */
export function NotFoundResult() {
  const { t } = useI18n();
  return (
    <PlainResult
      kind="missing"
      title={t('common.notFound')}
      subTitle={t('common.notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
