import { Button, Space, Tag, Typography } from 'antd';
import { useI18n } from '../locales/i18n-context';

export interface ActiveFilterOptions {
  /** The filter's key in the address, and what the tag says: 「园区：坤源…」 (the label alone when value is ''). */
  key: string;
  label: string;
  value: string;
}

/**
 * The filters a list is showing, as closable tags with one "clear" for all: a list opened from a
 * cockpit figure says what it was filtered by, including filters its controls do not show.
 */
export function ActiveFilters({
  filters,
  onClear,
  testId = 'active-filters',
}: {
  filters: ActiveFilterOptions[];
  onClear: (keys: string[]) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  if (filters.length === 0) return null;
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid={testId}>
      <Typography.Text type="secondary">{t('listFilter.label')}</Typography.Text>
      {filters.map((f) => (
        <Tag
          key={f.key}
          color="blue"
          closable
          onClose={(e) => {
            e.preventDefault();
            onClear([f.key]);
          }}
          data-testid={`active-filter-${f.key}`}
        >
          {f.value ? `${f.label}：${f.value}` : f.label}
        </Tag>
      ))}
      <Button
        size="small"
        type="link"
        onClick={() => onClear(filters.map((f) => f.key))}
        data-testid={`${testId}-clear`}
      >
        {t('listFilter.clearAll')}
      </Button>
    </Space>
  );
}
