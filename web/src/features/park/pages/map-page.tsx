import { Alert, Card, Col, InputNumber, Row, Select, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PLOT_STATUS_LABELS, PLOT_STATUSES, type PlotStatus } from '../../../../../shared/src/park';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { useBasemap, useChainOptions, useMapData } from '../api/use-parks';
import { ParkMapChart, STATUS_COLOURS } from '../components/park-map-chart';
import { PlotPanel } from '../components/plot-panel';
import '../../../locales/park.messages';

/** 招商地图: parks, plots by status and factories; filters in the URL so the cockpit and park pages link here. */
export function MapPage() {
  const { t, pick } = useI18n();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<string | null>(null);
  const status = (params.get('status')?.split(',').filter(Boolean) ?? []) as PlotStatus[];
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : null);
  const query = {
    parkId: params.get('parkId') ?? undefined,
    chainId: params.get('chainId') ?? undefined,
    status,
    minMu: num('minMu'),
    maxMu: num('maxMu'),
  };
  const can = useCan();
  const chains = useChainOptions(can('chain.read'));
  const { data, error, isLoading, refetch } = useMapData(query);
  const basemap = useBasemap();
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const sample = data?.features.some((f) => f.properties.isSample) ?? false;

  return (
    <>
      <PageHeader title={t('map.title')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          {can('chain.read') ? (
            <Select
              data-testid="map-chain"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              placeholder={t('map.allChains')}
              value={query.chainId ?? null}
              onChange={(v) => set('chainId', v ?? null)}
              options={(chains.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          ) : null}
          <Select
            data-testid="map-status"
            mode="multiple"
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('map.status')}
            value={status}
            onChange={(v: PlotStatus[]) => set('status', v.join(',') || null)}
            options={PLOT_STATUSES.map((s) => ({
              value: s,
              label: <Tag color={STATUS_COLOURS[s]}>{pick(PLOT_STATUS_LABELS[s])}</Tag>,
            }))}
          />
          <InputNumber
            data-testid="map-min-mu"
            min={0}
            placeholder={t('map.minMu')}
            value={query.minMu}
            onChange={(v) => set('minMu', v === null ? null : String(v))}
          />
          <InputNumber
            min={0}
            placeholder={t('map.maxMu')}
            value={query.maxMu}
            onChange={(v) => set('maxMu', v === null ? null : String(v))}
          />
        </Space>
      </Card>
      {error ? (
        <LoadErrorResult error={error} onRetry={() => void refetch()} />
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={16}>
            <Card size="small" styles={{ body: { padding: 4 } }}>
              {isLoading || !data ? (
                <Spin />
              ) : data.features.length === 0 ? (
                <Alert type="info" message={t('map.empty')} />
              ) : (
                <ParkMapChart
                  data={data}
                  basemap={basemap.data}
                  height={isPhone ? 420 : 620}
                  onSelect={(f) => (f.properties.kind === 'plot' ? setSelected(f.id) : undefined)}
                />
              )}
              <Space wrap size={4} style={{ padding: 4 }}>
                {PLOT_STATUSES.map((s) => (
                  <Tag key={s} color={STATUS_COLOURS[s]}>
                    {pick(PLOT_STATUS_LABELS[s])}
                  </Tag>
                ))}
                <Tag color="gold">{t('map.legend.reserved')}</Tag>
                <Tag>{t('map.legend.building')}</Tag>
                {sample && <Tag color="orange">{t('map.sampleNote')}</Tag>}
              </Space>
              {data && data.leftOut > 0 && (
                <Alert type="warning" message={t('map.leftOut', { n: data.leftOut })} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <PlotPanel plotId={selected} />
              {/* The plots on the map as a list: for screen readers, phones and keyboards (a canvas is none of these). */}
              <Table
                size="small"
                rowKey="id"
                data-testid="map-plot-list"
                dataSource={(data?.features ?? []).filter((f) => f.properties.kind === 'plot')}
                pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
                onRow={(f) => ({
                  onClick: () => setSelected(f.id),
                  style: { cursor: 'pointer' },
                  'data-testid': `plot-row-${f.properties.name}`,
                })}
                rowClassName={(f) => (f.id === selected ? 'ant-table-row-selected' : '')}
                columns={[
                  { title: t('plot.code'), render: (_, f) => f.properties.name },
                  { title: t('plot.areaMu'), align: 'right', render: (_, f) => f.properties.areaMu },
                  {
                    title: t('plot.status'),
                    render: (_, f) => {
                      const s = f.properties.status as PlotStatus;
                      return (
                        <Tag color={STATUS_COLOURS[s]}>
                          {pick(PLOT_STATUS_LABELS[s])}
                          {f.properties.reserved ? ' ★' : ''}
                        </Tag>
                      );
                    },
                  },
                ]}
              />
            </Space>
          </Col>
        </Row>
      )}
    </>
  );
}
