import { Card, Space, Table, Tag } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../locales/i18n-context';
// biome-ignore lint/style/noRestrictedImports: debt (issue 12): a cross-feature import left until the response types live in shared/
import { useChainName } from '../../request/api/use-requests';
import { useWarnings, type Warning } from '../api/use-cockpit';

const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'gold' } as const;

/**
 * `/warnings` 预警: what needs a leader now, each with its reason, most severe first. The cockpit
 * links here with its park/chain filter (`?park=…&chain=…`), so the list matches its warning count.
 */
export function WarningsPage() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters = {
    ...(search.get('park') ? { park: search.get('park') as string } : {}),
    ...(search.get('chain') ? { chain: search.get('chain') as string } : {}),
  };
  const warnings = useWarnings(filters);
  const chainName = useChainName(filters.chain, true);
  const drop = (key: 'park' | 'chain') => {
    const next = new URLSearchParams(search);
    next.delete(key);
    setSearch(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('warning.title')} subtitle={t('module.warning.desc')} />
      <Card>
        {Object.keys(filters).length > 0 ? (
          <Space style={{ marginBottom: 12 }} data-testid="warning-filters">
            {filters.park ? (
              <Tag closable color="blue" onClose={() => drop('park')}>
                {t('cockpit.park')}：{filters.park}
              </Tag>
            ) : null}
            {filters.chain ? (
              <Tag closable color="blue" onClose={() => drop('chain')}>
                {t('cockpit.chain')}：{chainName.data ?? filters.chain}
              </Tag>
            ) : null}
            <span data-testid="warning-total">{t('common.total', { total: warnings.data?.total ?? 0 })}</span>
          </Space>
        ) : null}
        {warnings.isError ? (
          <LoadErrorResult error={warnings.error} onRetry={() => warnings.refetch()} />
        ) : (
          <Table<Warning>
            data-testid="warnings-table"
            size="small"
            loading={warnings.isPending}
            rowKey="id"
            dataSource={warnings.data?.items ?? []}
            locale={{ emptyText: t('warning.empty') }}
            pagination={{ pageSize: 50, showSizeChanger: false }}
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
