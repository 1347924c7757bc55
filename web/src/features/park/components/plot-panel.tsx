import { Alert, App, Button, Card, Descriptions, Empty, Select, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LAND_USE_CLASSES, PLOT_AVAILABLE, PLOT_STATUS_LABELS } from '../../../../../shared/src/park';
import { SampleTag } from '../../../components/sample-tag';
import { errorText } from '../../../lib/error-text';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { useLeadOptions, usePlot, useRelease, useReserve } from '../api/use-parks';
import { STATUS_COLOURS } from './park-map-chart';
import '../../../locales/park.messages';

/** The side panel of the map: one plot's facts, its project and firms, and its reservation (意向). */
export function PlotPanel({ plotId }: { plotId: string | null }) {
  const { t, pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const { data: plot, isLoading } = usePlot(plotId);
  const [leadQuery, setLeadQuery] = useState('');
  const [leadId, setLeadId] = useState<string | null>(null);
  const leads = useLeadOptions(leadQuery, plotId !== null && can('lead.write'));
  const reserve = useReserve();
  const release = useRelease();

  if (!plotId)
    return (
      <Card>
        <Empty description={t('plot.none')} />
      </Card>
    );
  if (isLoading || !plot)
    return (
      <Card>
        <Spin />
      </Card>
    );
  const status = PLOT_STATUS_LABELS[plot.status];
  const available = PLOT_AVAILABLE.includes(plot.status);
  const landUse = plot.landUse ? LAND_USE_CLASSES[plot.landUse] : undefined;
  return (
    <Card
      data-testid="plot-panel"
      title={
        <Space wrap>
          <span>{plot.code}</span>
          <Tag color={STATUS_COLOURS[plot.status]}>{pick(status)}</Tag>
          <SampleTag isSample={plot.isSample} />
        </Space>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('park.name')}>
          <Link to={`/parks/${plot.parkId}`}>{plot.parkName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('plot.areaMu')}>{plot.areaMu}</Descriptions.Item>
        <Descriptions.Item label={t('plot.landUse')}>
          {plot.landUse ? `${plot.landUse}${landUse ? ` ${pick(landUse)}` : ''}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('plot.plotRatio')}>{plot.plotRatio ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('plot.heightM')}>{plot.heightM ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('plot.price')}>{plot.price?.toLocaleString() ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('plot.powerKva')}>{plot.powerKva ?? '—'}</Descriptions.Item>
        {plot.minInvestmentPerMu !== null && (
          <Descriptions.Item label={t('plot.standard')}>
            {t('plot.standardText', {
              inv: plot.minInvestmentPerMu.toLocaleString(),
              tax: (plot.minTaxPerMu ?? 0).toLocaleString(),
              energy: plot.maxEnergyPerOutput ?? '—',
            })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('plot.project')}>
          {plot.project ? <Link to={`/projects/${plot.project.id}`}>{plot.project.name}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('plot.firms')}>
          {plot.firms.length > 0 ? (
            <Space wrap>
              {plot.firms.map((f) => (
                <Link key={f.id} to={`/firms/${f.id}`}>
                  {f.name}
                </Link>
              ))}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      {plot.reservation ? (
        <Alert
          type="warning"
          showIcon
          message={t('plot.reservedFor', { lead: plot.reservation.leadTitle })}
          action={
            can('lead.write') ? (
              <Button
                size="small"
                loading={release.isPending}
                onClick={() => release.mutate(plot.reservation?.id ?? '')}
              >
                {t('plot.release')}
              </Button>
            ) : null
          }
        />
      ) : (
        available &&
        can('lead.write') && (
          <Space.Compact style={{ width: '100%' }}>
            <Select
              data-testid="reserve-lead"
              showSearch
              allowClear
              style={{ width: '100%' }}
              placeholder={t('plot.pickLead')}
              filterOption={false}
              onSearch={setLeadQuery}
              value={leadId}
              onChange={(v) => setLeadId(v ?? null)}
              options={(leads.data?.items ?? []).map((l) => ({ value: l.id, label: l.title }))}
            />
            <Button
              type="primary"
              disabled={!leadId}
              loading={reserve.isPending}
              onClick={() =>
                reserve.mutate(
                  { kind: 'plot', id: plot.id, leadId: leadId ?? '' },
                  {
                    onSuccess: () => message.success(t('plot.reserved')),
                    onError: (e) => message.error(errorText(e, pick)),
                  },
                )
              }
            >
              {t('plot.reserve')}
            </Button>
          </Space.Compact>
        )
      )}
    </Card>
  );
}
