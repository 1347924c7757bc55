import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { PageHeader } from '../../../components/page-header';
import { escapeHtml } from '../../../lib/html-escape';
import { useI18n } from '../../../locales/i18n-context';
import { type ReferralNetwork, useReferrals } from '../api/use-chains';
import { EChart, type EChartsOption } from '../components/echart';
import '../components/chain-messages';

const KIND_COLOR = { referrer: '#722ed1', target: '#1677ff', project: '#389e0d' } as const;

/** `/referrals` 以商招商: which firms already here brought which leads and projects. */
export function ReferralsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const formatMoney = useFormatMoney();
  const referrals = useReferrals();

  const option = useMemo<EChartsOption | null>(() => {
    const d = referrals.data;
    if (!d || d.nodes.length === 0) return null;
    const categories = (['referrer', 'target', 'project'] as const).map((k) => ({
      name: t(`referral.kind.${k}`),
      itemStyle: { color: KIND_COLOR[k] },
    }));
    const index = { referrer: 0, target: 1, project: 2 };
    return {
      tooltip: {
        // Firm names, lead titles and project names as text: ECharts renders the return value as HTML.
        formatter: (p: { data?: { name?: string; tip?: string } }) => escapeHtml(p.data?.tip ?? p.data?.name),
      },
      legend: [{ data: categories.map((c) => c.name), top: 0 }],
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          categories,
          force: { repulsion: 160, edgeLength: [40, 90], gravity: 0.12 },
          zoom: 0.9,
          // Names of referring firms and projects only: the referred firms show on hover.
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (p: { data?: { kind?: string; name?: string } }) =>
              p.data?.kind === 'target' ? '' : (p.data?.name ?? ''),
          },
          emphasis: { focus: 'adjacency', label: { show: true } },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 7,
          lineStyle: { color: '#bfbfbf', width: 1.2, curveness: 0.1 },
          data: d.nodes.map((n) => ({
            id: n.id,
            name: n.name,
            kind: n.kind,
            category: index[n.kind],
            symbolSize:
              n.kind === 'referrer' ? 14 + Math.min(20, n.value * 3) : n.kind === 'project' ? 14 : 10,
            entity:
              n.kind === 'project'
                ? `/projects/${n.entityId}`
                : n.id.startsWith('f:')
                  ? `/firms/${n.entityId}`
                  : `/leads/${n.entityId}`,
          })),
          links: d.edges.map((e) => ({
            source: e.source,
            target: e.target,
            tip: `${e.kind === 'referred' ? t('referral.edge.referred') : t('referral.edge.became')} ${e.leadCode ?? ''}`,
            lineStyle: e.kind === 'became' ? { color: '#95de64', width: 2 } : undefined,
          })),
        },
      ],
    };
  }, [referrals.data, t]);

  const columns = [
    {
      title: t('referral.referrer'),
      ellipsis: true,
      render: (_v: unknown, r: ReferralNetwork['referrers'][number]) => (
        <span>
          <Link to={`/firms/${r.firmId}`}>{r.firmName}</Link>{' '}
          {r.isLocal ? null : <Tag>{t('chain.external')}</Tag>}
        </span>
      ),
    },
    { title: t('referral.leads'), dataIndex: 'leads', width: 70, align: 'right' as const },
    { title: t('referral.openLeads'), dataIndex: 'openLeads', width: 70, align: 'right' as const },
    { title: t('referral.projects'), dataIndex: 'projects', width: 70, align: 'right' as const },
    {
      title: t('referral.investment'),
      width: 110,
      align: 'right' as const,
      render: (_v: unknown, r: ReferralNetwork['referrers'][number]) => formatMoney(r.investment),
    },
  ];

  return (
    <>
      <PageHeader title={t('referral.title')} subtitle={t('module.referral.desc')} />
      {referrals.isError && !referrals.data ? (
        <LoadErrorResult error={referrals.error} onRetry={() => referrals.refetch()} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('referral.graph')}>
              {option ? (
                <EChart
                  option={option}
                  style={{ height: 620 }}
                  testId="referral-graph"
                  onClick={(p) => {
                    const to = (p.data as { entity?: string } | undefined)?.entity;
                    if (to) navigate(to);
                  }}
                />
              ) : (
                <Empty description={t('referral.empty')} />
              )}
              {referrals.data?.truncated ? (
                <Typography.Text type="warning">{t('referral.truncated')}</Typography.Text>
              ) : null}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('referral.totals')}>
              <Table
                rowKey="firmId"
                size="small"
                loading={referrals.isFetching}
                dataSource={referrals.data?.referrers ?? []}
                columns={columns}
                pagination={{ pageSize: 15, hideOnSinglePage: true }}
                data-testid="referral-totals"
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
