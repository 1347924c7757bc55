import { Card, Flex, Segmented, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { FigureLabel } from '../../../components/figure-label';
import { FigureSourceShare } from '../../../components/figure-source-tag';
import { useFormatMoney } from '../../../components/money-text';
import { useI18n } from '../../../locales/i18n-context';
import type { Cockpit, ListLink } from '../api/use-cockpit';

type Mode = 'promised' | 'actual';

/**
 * The leader's switch (issue 14): the active projects' signed total investment (承诺) or what the
 * dispatch reports say was done (实际: 累计完成投资, 累计到位资金 — the project page's figures),
 * with the provenance mix under each ("含估算 3 项").
 */
export function PromisedActualCard({ data, onOpen }: { data: Cockpit; onOpen: (link: ListLink) => void }) {
  const { t } = useI18n();
  const money = useFormatMoney();
  const [mode, setMode] = useState<Mode>('promised');
  const { promised, actual } = data.kpi;
  return (
    <Card
      size="small"
      data-testid="cockpit-total-investment"
      style={{ height: '100%' }}
      title={mode === 'promised' ? t('kpi.promisedInvestment') : t('kpi.mode.actual')}
      extra={
        <Segmented<Mode>
          size="small"
          value={mode}
          onChange={setMode}
          data-testid="cockpit-kpi-mode"
          options={[
            { value: 'promised', label: t('kpi.mode.promised') },
            { value: 'actual', label: t('kpi.mode.actual') },
          ]}
        />
      }
    >
      {mode === 'promised' ? (
        <Flex vertical gap={2} style={{ cursor: 'pointer' }} onClick={() => onOpen(data.totals.link)}>
          <Statistic value={money(promised.investment)} />
          <FigureSourceShare counts={promised.sources} main="promised" />
        </Flex>
      ) : (
        <Flex vertical gap={2} data-testid="cockpit-kpi-actual">
          <Flex gap={16} wrap>
            <Statistic
              title={<FigureLabel figure="completedInvestmentCumulative" />}
              value={money(actual.completedInvestment)}
            />
            <Statistic
              title={<FigureLabel figure="fundsInPlaceCumulative" />}
              value={money(actual.fundsInPlace)}
            />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('kpi.reportingProjects', { n: actual.reportingProjects })}
          </Typography.Text>
          <FigureSourceShare counts={actual.sources} main="reported" />
        </Flex>
      )}
    </Card>
  );
}
