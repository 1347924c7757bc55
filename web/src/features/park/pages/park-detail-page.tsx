import { Button, Card, Space, Spin, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PARK_KIND_LABELS, PLOT_STATUS_LABELS, UNIT_STATUS_LABELS } from '../../../../../shared/src/park';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type Plot, type Unit, usePark, usePlots, useUnits } from '../api/use-parks';
import { ParkFigures } from '../components/park-figures';
import { ParkFormModal, PlotFormModal, UnitFormModal } from '../components/park-forms';
import { STATUS_COLOURS } from '../components/park-map-chart';
import { PlotImportModal } from '../components/plot-import-modal';
import '../../../locales/park.messages';

export function ParkDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const can = useCan();
  const [importing, setImporting] = useState(false);
  // Which form is open: the park, a plot or unit (null: a new one), or none.
  const [editing, setEditing] = useState<
    { kind: 'park' } | { kind: 'plot'; plot: Plot | null } | { kind: 'unit'; unit: Unit | null } | null
  >(null);
  const write = can('park.write');
  /** The edit button column of the plot and unit tables, for those who may write. */
  const editColumn = <T,>(open: (row: T) => void, testId: (row: T) => string) =>
    write
      ? [
          {
            title: t('park.actions'),
            render: (_: unknown, row: T) => (
              <Button size="small" type="link" data-testid={testId(row)} onClick={() => open(row)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : [];
  const { data: park, error, refetch } = usePark(id);
  const plots = usePlots(id);
  const units = useUnits(id);
  if (error) return <LoadErrorResult error={error} onRetry={() => void refetch()} />;
  if (!park) return <Spin />;
  return (
    <>
      <PageHeader
        title={park.name}
        crumbs={[{ title: t('park.title'), path: '/parks' }]}
        subtitle={
          <Space wrap>
            <Tag>{pick(PARK_KIND_LABELS[park.kind])}</Tag>
            {park.chains.map((c) => (
              <Tag key={c.id} color="blue">
                {c.name}
              </Tag>
            ))}
            <SampleTag isSample={park.isSample} />
          </Space>
        }
        extra={
          <Space wrap>
            <Link to={`/map?parkId=${park.id}`}>
              <Button>{t('park.onMap')}</Button>
            </Link>
            {write && (
              <Button onClick={() => setEditing({ kind: 'park' })} data-testid="park-edit">
                {t('park.edit')}
              </Button>
            )}
            {write && (
              <Button onClick={() => setEditing({ kind: 'plot', plot: null })} data-testid="plot-create">
                {t('plot.create')}
              </Button>
            )}
            {write && (
              <Button onClick={() => setEditing({ kind: 'unit', unit: null })} data-testid="unit-create">
                {t('unit.create')}
              </Button>
            )}
            {write && (
              <Button type="primary" onClick={() => setImporting(true)} data-testid="open-import">
                {t('import.open')}
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <ParkFigures park={park} />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'plots',
              label: `${t('park.plots')} (${plots.data?.total ?? 0})`,
              children: (
                <Table<Plot>
                  rowKey="id"
                  size="small"
                  loading={plots.isLoading}
                  dataSource={plots.data?.items ?? []}
                  scroll={{ x: 700 }}
                  columns={[
                    { title: t('plot.code'), dataIndex: 'code' },
                    { title: t('plot.areaMu'), dataIndex: 'areaMu', align: 'right' },
                    {
                      title: t('plot.status'),
                      render: (_, p) => (
                        <Tag color={STATUS_COLOURS[p.status]}>{pick(PLOT_STATUS_LABELS[p.status])}</Tag>
                      ),
                    },
                    {
                      title: t('plot.project'),
                      render: (_, p) =>
                        p.project ? <Link to={`/projects/${p.project.id}`}>{p.project.name}</Link> : null,
                    },
                    { title: t('plot.reservation'), render: (_, p) => p.reservation?.leadTitle ?? null },
                    ...editColumn<Plot>(
                      (p) => setEditing({ kind: 'plot', plot: p }),
                      (p) => `plot-edit-${p.code}`,
                    ),
                  ]}
                />
              ),
            },
            {
              key: 'units',
              label: `${t('park.units')} (${units.data?.total ?? 0})`,
              children: (
                <Table<Unit>
                  rowKey="id"
                  size="small"
                  loading={units.isLoading}
                  dataSource={units.data?.items ?? []}
                  scroll={{ x: 800 }}
                  columns={[
                    { title: t('unit.building'), dataIndex: 'building' },
                    { title: t('unit.floor'), dataIndex: 'floor' },
                    { title: t('unit.unitNo'), dataIndex: 'unitNo' },
                    { title: t('unit.areaM2'), dataIndex: 'areaM2', align: 'right' },
                    { title: t('unit.load'), dataIndex: 'loadKnM2', align: 'right' },
                    { title: t('unit.crane'), dataIndex: 'craneT', align: 'right' },
                    { title: t('unit.status'), render: (_, u) => pick(UNIT_STATUS_LABELS[u.status]) },
                    {
                      title: t('unit.firm'),
                      render: (_, u) =>
                        u.firm ? <Link to={`/firms/${u.firm.id}`}>{u.firm.name}</Link> : null,
                    },
                    {
                      title: t('unit.lease'),
                      render: (_, u) => (u.leaseStart ? `${u.leaseStart} ~ ${u.leaseEnd ?? ''}` : null),
                    },
                    ...editColumn<Unit>(
                      (u) => setEditing({ kind: 'unit', unit: u }),
                      (u) => `unit-edit-${u.unitNo}`,
                    ),
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      {importing && <PlotImportModal parkId={park.id} onClose={() => setImporting(false)} />}
      {editing?.kind === 'park' && <ParkFormModal park={park} onClose={() => setEditing(null)} />}
      {editing?.kind === 'plot' && (
        <PlotFormModal parkId={park.id} plot={editing.plot ?? undefined} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'unit' && (
        <UnitFormModal parkId={park.id} unit={editing.unit ?? undefined} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
