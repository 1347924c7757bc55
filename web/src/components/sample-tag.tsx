import { Tag, Tooltip } from 'antd';
import { useI18n } from '../locales/i18n-context';

/** 示例: marks invented demo filler so nobody takes it for a real record (PRODUCT.md). */
export function SampleTag({ isSample }: { isSample: boolean }) {
  const { t } = useI18n();
  if (!isSample) return null;
  return (
    <Tooltip title={t('sample.hint')}>
      <Tag color="default" style={{ borderStyle: 'dashed' }} data-testid="sample-tag">
        {t('sample.tag')}
      </Tag>
    </Tooltip>
  );
}
