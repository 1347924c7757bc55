import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../locales/i18n-context';

/** For unknown paths and for pages the user's role may not open (no hint which is which). */
export function NotFoundResult() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
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
