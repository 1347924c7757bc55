import {
  Alert,
  App,
  Button,
  Card,
  InputNumber,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  TARGET_METRIC_INFO,
  TARGET_UNIT_TYPES,
  type TargetUnitType,
} from '../../../../../shared/src/dispatch';
import { FigureLabel } from '../../../components/figure-label';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { PageHeader } from '../../../components/page-header';
import { errorText } from '../../../lib/error-text';
import { linkHref } from '../../../lib/list-link';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type TargetUnit, useDeleteTargets, useTargets } from '../api/use-targets';
import { StageNormsCard } from '../components/stage-norms-card';
import { TargetEditorModal } from '../components/target-editor-modal';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/**
 * `/targets` 目标考核: targets per unit, actuals from the records, completion vs time elapsed,
 * ranking with its rule; admins set, change and remove targets. Below: the zone's stage norms.
 */
export function TargetsPage() {
  const { t, pick, lang } = useI18n();
  const money = useFormatMoney();
  const can = useCan();
  const { message } = App.useApp();
  const [year, setYear] = useState<number>();
  const [type, setType] = useState<TargetUnitType>('park');
  // null: closed; 'new': a new unit's targets; a unit: change its targets.
  const [editing, setEditing] = useState<TargetUnit | 'new' | null>(null);
  const targets = useTargets(year);
  const remove = useDeleteTargets();
  const data = targets.data;
  const writable = can('target.write');
  const onDelete = async (u: TargetUnit) => {
    try {
      await remove.mutateAsync({ year: data?.year ?? 0, unitType: u.unitType, unitKey: u.unitKey });
      message.success(t('target.deleted'));
    } catch (err) {
      message.error(errorText(err, pick));
    }
  };
  const elapsed = data?.timeElapsed ?? 0;
  const units = (data?.units ?? []).filter((u) => u.unitType === type);
  const metricCols = Object.entries(TARGET_METRIC_INFO).map(([metric, info]) => ({
    title:
      metric === 'funds_in_place' || metric === 'fixed_asset_investment' ? (
        <FigureLabel
          figure={metric === 'funds_in_place' ? 'fundsInPlaceYear' : 'investmentInStats'}
          label={lang === 'zh' ? info.zh : info.en}
        />
      ) : lang === 'zh' ? (
        info.zh
      ) : (
        info.en
      ),
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
      <PageHeader
        title={t('target.title')}
        subtitle={t('module.target.desc')}
        extra={
          writable ? (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="target-new">
              {t('target.set')}
            </Button>
          ) : null
        }
      />
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
            title={`${t('target.rule')}：${pick(data.rule)}`}
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
              ...(writable
                ? [
                    {
                      title: '',
                      key: 'actions',
                      width: 130,
                      fixed: 'right' as const,
                      render: (_: unknown, u: TargetUnit) => (
                        <Space size={0}>
                          <Button
                            size="small"
                            type="link"
                            onClick={() => setEditing(u)}
                            data-testid={`target-edit-${u.unitKey}`}
                          >
                            {t('target.edit')}
                          </Button>
                          <Popconfirm
                            title={t('target.deleteConfirm', { unit: u.unitName, year: data?.year ?? '' })}
                            onConfirm={() => onDelete(u)}
                          >
                            <Button
                              size="small"
                              type="link"
                              danger
                              data-testid={`target-delete-${u.unitKey}`}
                            >
                              {t('target.delete')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <StageNormsCard />
      {editing && data ? (
        <TargetEditorModal
          year={data.year}
          editing={editing === 'new' ? null : editing}
          initialType={type}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
