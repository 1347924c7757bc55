import { Checkbox, Flex, Input, Select } from 'antd';
import { LEAD_STATUSES, type LeadStatus } from '../../../../../shared/src/lead-status';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { ChainLinkSelect } from '../../../components/chain-link-select';
import { OfficerSelect } from '../../../components/officer-select';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { LEAD_SOURCES, type LeadSource } from '../api/use-leads';

export type LeadsTab = 'all' | 'mine';

export interface LeadFilters {
  q?: string;
  status: LeadStatus[];
  source?: LeadSource;
  ownerId?: string;
  linkId?: string;
  overdue: boolean;
  sort: string;
}

/** The lead list's filters (`/leads`): text, status, source, chain link, owner, overdue. */
export function LeadFilterBar({
  tab,
  filters,
  officers,
  onChange,
}: {
  tab: LeadsTab;
  filters: LeadFilters;
  officers: { value: string; label: string }[];
  onChange: (patch: Partial<LeadFilters>) => void;
}) {
  const { t, pick } = useI18n();
  const can = useCan();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('lead.searchPlaceholder')}
        style={{ width: 260 }}
        maxLength={TEXT_LIMITS.short}
        defaultValue={filters.q}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        data-testid="leads-search"
      />
      <Select<LeadStatus[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={`${t('lead.status')}: ${t('common.all')}`}
        style={{ width: 260 }}
        value={filters.status}
        onChange={(value) => onChange({ status: value })}
        options={LEAD_STATUSES.map((s) => ({ value: s.key, label: pick(s) }))}
        data-testid="leads-status-filter"
      />
      <Select<LeadSource>
        allowClear
        placeholder={`${t('lead.source')}: ${t('common.all')}`}
        style={{ width: 160 }}
        value={filters.source}
        onChange={(value) => onChange({ source: value })}
        options={LEAD_SOURCES.map((value) => ({ value, label: t(`lead.source.${value}`) }))}
      />
      {can('chain.read') ? (
        <ChainLinkSelect
          value={filters.linkId ?? null}
          onChange={(linkId) => onChange({ linkId: linkId ?? undefined })}
          placeholder={`${t('pipeline.chainLink')}: ${t('common.all')}`}
          style={{ width: 220 }}
          data-testid="leads-link-filter"
        />
      ) : null}
      {tab === 'all' && officers.length > 0 ? (
        <OfficerSelect
          options={officers}
          value={filters.ownerId}
          onChange={(ownerId) => onChange({ ownerId })}
          placeholder={`${t('lead.owner')}: ${t('common.all')}`}
          style={{ width: 160 }}
        />
      ) : null}
      <Checkbox
        checked={filters.overdue}
        onChange={(event) => onChange({ overdue: event.target.checked })}
        data-testid="leads-overdue-filter"
        style={{ alignSelf: 'center' }}
      >
        {t('lead.overdueOnly')}
      </Checkbox>
    </Flex>
  );
}
