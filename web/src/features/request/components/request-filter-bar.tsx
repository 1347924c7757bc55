import { Checkbox, Flex, Input, Select, Tag } from 'antd';
import {
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  type RequestStatus,
  type RequestType,
} from '../../../../../shared/src/request-status';
import { useDepartments } from '../../../lib/use-departments';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type RequestFilters, useChainName } from '../api/use-requests';

interface Props {
  filters: RequestFilters;
  onChange: (patch: Partial<RequestFilters>) => void;
}

/**
 * The list's filter bar. Search, type, department, 未办结 and 只看超期 are controls; the filters
 * only a link brings (park, chain, project, firm, status, unassigned) show as closable tags, so the
 * reader sees why the list is shorter and can drop the filter.
 */
export function RequestFilterBar({ filters, onChange }: Props) {
  const { t, pick } = useI18n();
  const can = useCan();
  const departments = useDepartments();
  const chainName = useChainName(filters.chainId, can('chain.read'));
  const statuses = (filters.status ?? '').split(',').filter(Boolean) as RequestStatus[];

  const tags: Array<{ key: keyof RequestFilters; label: string }> = [];
  if (filters.park) tags.push({ key: 'park', label: `${t('request.filter.park')}：${filters.park}` });
  if (filters.chainId) {
    tags.push({
      key: 'chainId',
      label: `${t('request.filter.chain')}：${chainName.data ?? filters.chainId}`,
    });
  }
  if (filters.unassigned) tags.push({ key: 'unassigned', label: t('request.filter.unassigned') });
  if (statuses.length > 0) {
    const names = statuses.map((s) => (REQUEST_STATUS_LABELS[s] ? pick(REQUEST_STATUS_LABELS[s]) : s));
    tags.push({ key: 'status', label: `${t('request.filter.status')}：${names.join('、')}` });
  }
  if (filters.projectId) tags.push({ key: 'projectId', label: t('request.filter.project') });
  if (filters.firmId) tags.push({ key: 'firmId', label: t('request.filter.firm') });

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} data-testid="request-filters">
      <Input.Search
        allowClear
        placeholder={t('common.search')}
        defaultValue={filters.q}
        onSearch={(v) => onChange({ q: v || undefined })}
        style={{ width: 240 }}
      />
      <Select
        allowClear
        placeholder={t('request.type')}
        style={{ width: 160 }}
        value={filters.type}
        onChange={(v?: RequestType) => onChange({ type: v })}
        options={REQUEST_TYPES.map((k) => ({ value: k, label: pick(REQUEST_TYPE_LABELS[k]) }))}
      />
      {can('department.read') ? (
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('request.department')}
          style={{ width: 200 }}
          value={filters.departmentId}
          onChange={(v?: string) => onChange({ departmentId: v, unassigned: undefined })}
          options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          data-testid="request-filter-department"
        />
      ) : null}
      <Checkbox
        checked={!!filters.open}
        onChange={(e) => onChange({ open: e.target.checked || undefined })}
        data-testid="request-open-only"
      >
        {t('request.filter.open')}
      </Checkbox>
      <Checkbox
        checked={!!filters.overdue}
        onChange={(e) => onChange({ overdue: e.target.checked || undefined })}
        data-testid="request-overdue-only"
      >
        {t('sup.onlyOverdue')}
      </Checkbox>
      {tags.map((tag) => (
        <Tag
          key={tag.key}
          closable
          color="blue"
          onClose={() => onChange({ [tag.key]: undefined })}
          data-testid={`request-filter-tag-${tag.key}`}
        >
          {tag.label}
        </Tag>
      ))}
    </Flex>
  );
}

/** The leader's or assigner's choice of whose queue to show (a department sees its own). */
export function RequestQueueDepartmentSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (departmentId: string) => void;
}) {
  const { t } = useI18n();
  const departments = useDepartments();
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Select
        showSearch
        optionFilterProp="label"
        placeholder={t('request.chooseDepartment')}
        style={{ width: 280 }}
        value={value}
        onChange={onChange}
        options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
      />
    </Flex>
  );
}
