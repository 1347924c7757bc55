import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useParkOptions } from '../lib/use-park-options';
import { useI18n } from '../locales/i18n-context';

interface ParkSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** A park picker over `GET /api/parks` (a zone has tens of parks: all are listed, filtered as typed). */
export function ParkSelect({ value, onChange, style, ...rest }: ParkSelectProps) {
  const { t } = useI18n();
  const parks = useParkOptions();
  return (
    <Select
      {...rest}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={parks.isLoading}
      placeholder={t('project.parkPick')}
      style={style}
      value={value ?? null}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}
