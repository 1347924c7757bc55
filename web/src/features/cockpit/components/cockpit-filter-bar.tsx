import { InputNumber, Select, Space, Typography } from 'antd';
import { useI18n } from '../../../locales/i18n-context';
import type { Cockpit, CockpitFilters } from '../api/use-cockpit';

/** The cockpit's year, park and chain filters (`/cockpit`); the choices come with the figures. */
export function CockpitFilterBar({
  filters,
  cockpit,
  onChange,
}: {
  filters: CockpitFilters;
  cockpit: Cockpit | undefined;
  onChange: (next: (f: CockpitFilters) => CockpitFilters) => void;
}) {
  const { t } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="cockpit-filters">
      {/* Each label stays with its field when the bar wraps on a phone. */}
      <Space>
        <Typography.Text>{t('cockpit.year')}</Typography.Text>
        <InputNumber
          min={2000}
          max={2100}
          value={filters.year ?? cockpit?.year}
          onChange={(v) => onChange((f) => ({ ...f, year: v ?? undefined }))}
          data-testid="cockpit-year"
        />
      </Space>
      <Space>
        <Typography.Text>{t('cockpit.park')}</Typography.Text>
        <Select
          allowClear
          style={{ width: 220, maxWidth: 'calc(100vw - 90px)' }}
          placeholder={t('cockpit.all')}
          value={filters.park}
          onChange={(v) => onChange((f) => ({ ...f, park: v }))}
          options={(cockpit?.options.parks ?? []).map((p) => ({ value: p, label: p }))}
          data-testid="cockpit-park"
        />
      </Space>
      <Space>
        <Typography.Text>{t('cockpit.chain')}</Typography.Text>
        <Select
          allowClear
          style={{ width: 220, maxWidth: 'calc(100vw - 90px)' }}
          placeholder={t('cockpit.all')}
          value={filters.chain}
          onChange={(v) => onChange((f) => ({ ...f, chain: v }))}
          options={(cockpit?.options.chains ?? []).map((c) => ({ value: c.id, label: c.name }))}
          data-testid="cockpit-chain"
        />
      </Space>
    </Space>
  );
}
