import { Card, Table, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../locales/i18n-context';
import { useWarnings, type Warning } from '../api/use-cockpit';

const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'gold' } as const;

/** `/warnings` 预警: what needs a leader now, each with its reason, most severe first. */
export function WarningsPage() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const warnings = useWarnings({});
  return (
    <>
      <PageHeader title={t('warning.title')} subtitle={t('module.warning.desc')} />
      <Card>
        {warnings.isError ? (
          <LoadErrorResult error={warnings.error} onRetry={() => warnings.refetch()} />
        ) : (
          <Table<Warning>
            data-testid="warnings-table"
            size="small"
            loading={warnings.isPending}
            rowKey={(w) => `${w.kind}-${w.link}-${w.reason.zh}`}
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
