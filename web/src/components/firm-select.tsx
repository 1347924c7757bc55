import type { CSSProperties } from 'react';
import type { Firm } from '../../../shared/src/contract/firm';
import { useI18n } from '../locales/i18n-context';
import { RemoteSearchSelect } from './remote-search-select';

interface FirmSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The name of the current value, so an edit form shows it before any search. */
  initialLabel?: string | null;
  /** Firms that may not be picked (e.g. the firm itself when adding a relation). */
  excludeIds?: string[];
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** The few firm fields a picker shows (a full firm has them). */
type FirmChoice = Pick<Firm, 'id' | 'name' | 'uscc' | 'region'>;

const FIRM_PARAMS = { limit: 20, sort: 'name' };
const firmOption = (firm: FirmChoice) => ({
  label: firm.name,
  title: [firm.uscc, firm.region].filter(Boolean).join(' · '),
});

/** A searchable firm picker over `GET /api/firms?q=` (Chinese full-text: 乖宝, 宠物 …). */
export function FirmSelect({ placeholder, ...props }: FirmSelectProps) {
  const { t } = useI18n();
  return (
    <RemoteSearchSelect<FirmChoice>
      path="/api/firms"
      queryKey={['firms']}
      params={FIRM_PARAMS}
      toOption={firmOption}
      placeholder={placeholder ?? t('firm.pickerPlaceholder')}
      emptyText={t('firm.pickerEmpty')}
      {...props}
    />
  );
}
