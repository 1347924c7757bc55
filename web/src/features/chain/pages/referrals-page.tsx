import { Card, Col, Empty, Grid, Row, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { EChart, type EChartsOption } from '../../../components/echart';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { PageHeader } from '../../../components/page-header';
import { escapeHtml } from '../../../lib/html-escape';
import { useI18n } from '../../../locales/i18n-context';
import { type ReferralNetwork, useReferrals } from '../api/use-chains';
import '../components/chain-messages';
import { layoutReferrals } from '../components/referral-layout';

const KIND_COLOR = { referrer: '#722ed1', target: '#1677ff', project: '#389e0d' } as const;
/** Pixels per row of the layout: a line of 11 px text and air around it. */
const ROW_HEIGHT = 22;
const MIN_HEIGHT = 320;
const MAX_HEIGHT = 2400;

/** `/referrals` 以商招商: which firms already here brought which leads and projects. */
export function ReferralsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const formatMoney = useFormatMoney();
  const referrals = useReferrals();

  // Names on the left (referrers) and right (projects) get this much room; a phone has less.
  const screens = Grid.useBreakpoint();
  const labelWidth = screens.md ? 170 : 92;
  // Columns apart, in rows: a little less than what the narrowest chart of that size has between its
  // labels (a wider chart centres the picture), so a row keeps the height of a line of text.
  const columnGap = screens.md ? 7 : 2.5;
  const chart = useMemo<{ option: EChartsOption; height: number } | null>(() => {
    const d = referrals.data;
    if (!d || d.nodes.length === 0) return null;
    const categories = (['referrer', 'target', 'project'] as const).map((k) => ({
      name: t(`referral.kind.${k}`),
      itemStyle: { color: KIND_COLOR[k] },
    }));
    const index = { referrer: 0, target: 1, project: 2 };
    const layout = layoutReferrals(d.nodes, d.edges);
    const rows = layout.rows;
    const nameLabel = (position: 'left' | 'right') => ({
      position,
      width: labelWidth,
      overflow: 'truncate' as const,
    });
    return {
      // A line of text per row; a very large network scrolls no further and is zoomed into instead.
      height: Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, rows * ROW_HEIGHT + 56)),
      option: {
        tooltip: {
          // Firm names, lead titles and project names as text: ECharts renders the return value as HTML.
          formatter: (p: { data?: { name?: string; tip?: string } }) =>
            escapeHtml(p.data?.tip ?? p.data?.name),
        },
        legend: [{ data: categories.map((c) => c.name), top: 0 }],
        series: [
          {
            type: 'graph',
            // Three columns, a row per label (referral-layout.ts): a force layout piled the labels up.
            layout: 'none',
            left: labelWidth + 16,
            right: labelWidth + 16,
            top: 40,
            bottom: 16,
            // Panning and zooming only where the rows did not fit (the page scrolls over the rest).
            roam: rows * ROW_HEIGHT + 56 > MAX_HEIGHT,
            categories,
            // Labels that would still touch (a network taller than the chart) hide; they show on hover.
            labelLayout: { hideOverlap: true },
            label: { show: true, fontSize: 11 },
            emphasis: { focus: 'adjacency', label: { show: true } },
            edgeSymbol: ['none', 'arrow'],
            edgeSymbolSize: 7,
            lineStyle: { color: '#bfbfbf', width: 1.2, curveness: 0.05 },
            data: layout.nodes.map((n) => ({
              id: n.id,
              x: n.x * columnGap,
              y: n.y,
              name: n.name,
              kind: n.kind,
              category: index[n.kind],
              // Referred firms show their names on hover: the middle column is for the edges.
              label:
                n.kind === 'target' ? { show: false } : nameLabel(n.kind === 'referrer' ? 'left' : 'right'),
              symbolSize:
                n.kind === 'referrer' ? 12 + Math.min(6, n.value * 2) : n.kind === 'project' ? 12 : 9,
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
      },
    };
  }, [referrals.data, t, labelWidth, columnGap]);

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
              {chart ? (
                <EChart
                  option={chart.option}
                  style={{ height: chart.height }}
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
                // On a phone the four figures would leave the firm's name one character: it scrolls.
                scroll={{ x: 520 }}
                data-testid="referral-totals"
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
