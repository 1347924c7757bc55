import { Descriptions } from 'antd';
import { useI18n } from '../../../locales/i18n-context';
import type { Park } from '../api/use-parks';
import '../../../locales/park.messages';

export const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const n = (v: number | null) => (v === null ? '—' : v.toLocaleString());

/** A park's derived figures (counted by the server from plots, units, projects and reports). */
export function ParkFigures({ park }: { park: Park }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} data-testid="park-figures">
      <Descriptions.Item label={t('park.landMu')}>{n(park.landMu)}</Descriptions.Item>
      <Descriptions.Item label={t('park.landAvailableMu')}>{n(park.landAvailableMu)}</Descriptions.Item>
      <Descriptions.Item label={t('park.landSuppliedMu')}>{n(park.landSuppliedMu)}</Descriptions.Item>
      <Descriptions.Item label={t('park.landTakenRate')}>
        <span data-testid="land-taken-rate">{percent(park.landTakenRate)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('park.buildingM2')}>{n(park.buildingM2)}</Descriptions.Item>
      <Descriptions.Item label={t('park.vacantM2')}>{n(park.vacantM2)}</Descriptions.Item>
      <Descriptions.Item label={t('park.occupancyRate')}>
        <span data-testid="occupancy-rate">{percent(park.occupancyRate)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('park.firms')}>{park.firms}</Descriptions.Item>
      <Descriptions.Item label={t('park.projects')}>{park.projects}</Descriptions.Item>
      <Descriptions.Item label={t('park.outputPerMu')}>{n(park.outputPerMu)}</Descriptions.Item>
      <Descriptions.Item label={t('park.taxPerMu')}>{n(park.taxPerMu)}</Descriptions.Item>
    </Descriptions>
  );
}
