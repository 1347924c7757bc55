import { Alert, Card, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { ActiveFilters } from '../../../components/active-filters';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { ResponsiveTable } from '../../../components/responsive-table';
import { lazyComponent } from '../../../lib/lazy-component';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useI18n } from '../../../locales/i18n-context';
import { useWarningOptions, useWarnings, type Warning } from '../api/use-cockpit';
import { WARNING_FILTER_KEYS } from '../components/warning-filter-keys';

// The pickers (antd Select) load after the list.
const WarningFilterBar = lazyComponent(() =>
  import('../components/warning-filter-bar').then((m) => m.WarningFilterBar),
);

const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'gold' } as const;
const FILTER_KEYS = WARNING_FILTER_KEYS;

/**
 * `/warnings` 预警: what needs a leader now, each with its reason, most severe first. Filters by
 * kind, severity, park, chain and officer live in the address: the cockpit links here with its
 * park/chain (`?park=…&chain=…`), so the list matches its warning count and shows that filter.
 */
export function WarningsPage() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const warnings = useWarnings(filters);
  const options = useWarningOptions();
  const chainName = options.data?.chains.find((c) => c.id === filters.chain)?.name;
  const officerName = options.data?.officers.find((o) => o.id === filters.officerId)?.name;
  const active = [
    filters.kind
      ? { key: 'kind', label: t('warning.kind'), value: t(`warning.kind.${filters.kind as Warning['kind']}`) }
      : null,
    filters.severity
      ? {
          key: 'severity',
          label: t('warning.severity'),
          value: t(`warning.severity.${filters.severity as Warning['severity']}`),
        }
      : null,
    filters.park ? { key: 'park', label: t('cockpit.park'), value: filters.park } : null,
    filters.chain ? { key: 'chain', label: t('cockpit.chain'), value: chainName ?? filters.chain } : null,
    filters.officerId
      ? { key: 'officerId', label: t('pipeline.officer'), value: officerName ?? filters.officerId }
      : null,
  ].filter((f) => f !== null);
  return (
    <>
      <PageHeader title={t('warning.title')} subtitle={t('module.warning.desc')} />
      <Card>
        <WarningFilterBar filters={filters} options={options.data} onChange={setFilters} />
        <div data-testid="warning-filters">
          <ActiveFilters
            filters={active}
            onClear={(keys) => setFilters(Object.fromEntries(keys.map((k) => [k, undefined])))}
          />
        </div>
        {filters.park || filters.chain || filters.officerId ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('warning.filter.projectsOnly')}
          />
        ) : null}
        <div style={{ marginBottom: 8 }} data-testid="warning-total">
          {t('common.total', { total: warnings.data?.total ?? 0 })}
        </div>
        {warnings.isError ? (
          <LoadErrorResult error={warnings.error} onRetry={() => warnings.refetch()} />
        ) : (
          <ResponsiveTable<Warning>
            data-testid="warnings-table"
            size="small"
            loading={warnings.isPending}
            rowKey="id"
            dataSource={warnings.data?.items ?? []}
            locale={{ emptyText: t('warning.empty') }}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            scroll={{ x: 800 }}
            onRow={(w) => ({ onClick: () => navigate(w.link), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('warning.severity'),
                dataIndex: 'severity',
                width: 90,
                render: (s: Warning['severity']) => (
                  <Tag color={SEVERITY_COLOR[s]}>{t(`warning.severity.${s}`)}</Tag>
                ),
              },
              {
                title: t('warning.kind'),
                dataIndex: 'kind',
                width: 120,
                render: (k: Warning['kind']) => t(`warning.kind.${k}`),
              },
              {
                title: t('warning.project'),
                dataIndex: 'projectName',
                width: 260,
                render: (v: string | null) => v ?? '—',
              },
              { title: t('warning.reason'), dataIndex: 'reason', render: (r: Warning['reason']) => pick(r) },
              { title: t('warning.days'), dataIndex: 'days', width: 80, align: 'right' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
