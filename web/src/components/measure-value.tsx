import { Tag } from 'antd';
import {
  type ActualMeasure,
  type CommitmentMeasure,
  type ComplianceStatus,
  MEASURE_UNIT,
} from '../../../shared/src/agreement';
import { useI18n } from '../locales/i18n-context';
import { useFormatMoney, useFormatPerMu } from './money-text';

/** How a commitment or actual figure reads: money as 5.6亿元, per-mu as 万元/亩, land, people, energy. */
export function useFormatMeasure(): (
  measure: CommitmentMeasure | ActualMeasure,
  value: number | null | undefined,
) => string {
  const { t } = useI18n();
  const money = useFormatMoney();
  const perMu = useFormatPerMu();
  return (measure, value) => {
    if (value === null || value === undefined) return '—';
    switch (MEASURE_UNIT[measure]) {
      case 'yuan':
        return money(value);
      case 'yuanPerMu':
        return perMu(value);
      case 'date':
        return String(value);
      default:
        return `${value.toLocaleString()} ${t(`agreement.unit.${MEASURE_UNIT[measure] as 'mu' | 'people' | 'tce'}`)}`;
    }
  };
}

const STATUS_COLOR: Record<ComplianceStatus, string> = {
  met: 'green',
  behind: 'red',
  not_due: 'default',
  no_data: 'orange',
};

/** 达标 / 落后 / 未到期 / 无数据. */
export function ComplianceStatusTag({ status }: { status: ComplianceStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={`compliance-${status}`}>
      {t(`compliance.status.${status}`)}
    </Tag>
  );
}
