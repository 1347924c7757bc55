import { Alert, Card, InputNumber, Progress, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  TARGET_METRIC_INFO,
  TARGET_UNIT_TYPES,
  type TargetUnitType,
} from '../../../../../shared/src/dispatch';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../locales/i18n-context';
import { linkHref } from '../../cockpit/api/use-cockpit';
import { type TargetUnit, useTargets } from '../api/use-targets';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** `/targets` 目标考核: targets per unit, actuals from the records, completion vs time elapsed, ranking. */
export function TargetsPage() {
  const { t, pick, lang } = useI18n();
  const money = useFormatMoney();
  const [year, setYear] = useState<number>();
  const [type, setType] = useState<TargetUnitType>('park');
  const targets = useTargets(year);
  const data = targets.data;
  const elapsed = data?.timeElapsed ?? 0;
  const units = (data?.units ?? []).filter((u) => u.unitType === type);
  const metricCols = Object.entries(TARGET_METRIC_INFO).map(([metric, info]) => ({
    title: lang === 'zh' ? info.zh : info.en,
    key: metric,
    render: (_: unknown, u: TargetUnit) => {
      const m = u.metrics.find((x) => x.metric === metric);
      if (!m) return '—';
      const actual = info.money ? money(m.actual) : m.actual;
      return (
        <Space direction="vertical" size={0}>
          <span>
            {m.link ? <Link to={linkHref(m.link)}>{actual}</Link> : actual}
            {' / '}
            {m.target === null ? '—' : info.money ? money(m.target) : m.target}
          </span>
          {m.rate !== null ? (
            <Progress
              percent={Math.round(Math.min(m.rate, 1) * 100)}
              size="small"
              format={() => pct(m.rate)}
              status={m.rate < elapsed ? 'exception' : 'normal'}
            />
          ) : null}
        </Space>
      );
    },
  }));
  return (
    <>
      <PageHeader title={t('target.title')} subtitle={t('module.target.desc')} />
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text>{t('cockpit.year')}</Typography.Text>
          <InputNumber
            min={2000}
            max={2100}
            value={year ?? data?.year}
            onChange={(v) => setYear(v ?? undefined)}
            data-testid="targets-year"
          />
          <Tag color="blue" data-testid="targets-elapsed">
            {t('target.timeElapsed', { rate: pct(elapsed) })}
          </Tag>
        </Space>
        {data ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={`${t('target.rule')}：${pick(data.rule)}`}
            data-testid="targets-rule"
          />
        ) : null}
        <Tabs
          activeKey={type}
          onChange={(k) => setType(k as TargetUnitType)}
          items={TARGET_UNIT_TYPES.map((k) => ({ key: k, label: t(`target.unitType.${k}`) }))}
        />
        {targets.isError ? (
          <LoadErrorResult error={targets.error} onRetry={() => targets.refetch()} />
        ) : (
          <Table<TargetUnit>
            data-testid="targets-table"
            rowKey="unitKey"
            size="small"
            loading={targets.isPending}
            dataSource={units}
            pagination={false}
            scroll={{ x: 1400 }}
            columns={[
              {
                title: t('target.rank'),
                dataIndex: 'rank',
                width: 70,
                fixed: 'left',
                render: (v: number | null) => v ?? '—',
              },
              {
                title: t('target.unit'),
                dataIndex: 'unitName',
                width: 200,
                fixed: 'left',
                render: (v: string, u) => (
                  <>
                    {v} {u.isSample ? <Tag>{t('round.sample')}</Tag> : null}
                  </>
                ),
              },
              {
                title: t('target.score'),
                dataIndex: 'score',
                width: 90,
                render: (v: number | null) => pct(v),
              },
              ...metricCols,
            ]}
          />
        )}
      </Card>
    </>
  );
}
