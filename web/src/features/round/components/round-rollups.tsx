import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { FigureLabel } from '../../../components/figure-label';
import { useFormatMoney } from '../../../components/money-text';
import { ResponsiveTable } from '../../../components/responsive-table';
import { useI18n } from '../../../locales/i18n-context';
import type { RoundDetail, RoundRollup } from '../api/use-rounds';

type View = 'zone' | 'byPark' | 'byChain' | 'byOfficer';
const VIEWS: View[] = ['zone', 'byPark', 'byChain', 'byOfficer'];

/**
 * 调度汇总: the round's figures summed for the zone and per park, chain and officer (computed by
 * the server from the same reports the project table lists; the dispatch report uses the same sums).
 */
export function RoundRollups({ rollups }: { rollups: RoundDetail['rollups'] }) {
  const { t } = useI18n();
  const money = useFormatMoney();
  const [view, setView] = useState<View>('zone');
  const rows = view === 'zone' ? [rollups.zone] : rollups[view];
  const amount = (v: number) => money(v);
  return (
    <Card title={t('round.rollups')} style={{ marginTop: 16 }} data-testid="round-rollups">
      <Tabs
        activeKey={view}
        onChange={(k) => setView(k as View)}
        items={VIEWS.map((v) => ({ key: v, label: t(`round.rollup.${v}`) }))}
      />
      <ResponsiveTable<RoundRollup>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 1300 }}
        columns={[
          { title: t('round.rollup.name'), dataIndex: 'key', width: 200, fixed: 'left' },
          {
            title: t('round.rate'),
            width: 90,
            render: (_: unknown, g) => `${g.reported}/${g.projects}`,
          },
          { title: t('round.late'), dataIndex: 'late', width: 60, align: 'right' },
          {
            title: (
              <FigureLabel figure="completedInvestmentPeriod" label={t('round.rollup.investmentPeriod')} />
            ),
            dataIndex: 'investmentPeriod',
            align: 'right',
            render: amount,
          },
          {
            title: <FigureLabel figure="investmentInStats" label={t('round.rollup.inStats')} />,
            dataIndex: 'investmentInStats',
            align: 'right',
            render: amount,
          },
          {
            title: <FigureLabel figure="fundsInPlacePeriod" label={t('round.rollup.fundsPeriod')} />,
            dataIndex: 'fundsPeriod',
            align: 'right',
            render: amount,
          },
          {
            title: (
              <FigureLabel
                figure="completedInvestmentCumulative"
                label={t('round.rollup.investmentCumulative')}
              />
            ),
            dataIndex: 'investmentCumulative',
            align: 'right',
            render: amount,
          },
          {
            title: <FigureLabel figure="fundsInPlaceCumulative" label={t('round.rollup.fundsCumulative')} />,
            dataIndex: 'fundsCumulative',
            align: 'right',
            render: amount,
          },
          { title: t('round.rollup.exports'), dataIndex: 'exportsPeriod', align: 'right', render: amount },
          { title: t('round.rollup.output'), dataIndex: 'outputPeriod', align: 'right', render: amount },
          { title: t('round.rollup.tax'), dataIndex: 'taxPeriod', align: 'right', render: amount },
        ]}
      />
    </Card>
  );
}
