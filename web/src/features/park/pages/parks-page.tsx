import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PARK_KIND_LABELS } from '../../../../../shared/src/park';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type Park, useParks } from '../api/use-parks';
import { percent } from '../components/park-figures';
import { ParkFormModal } from '../components/park-forms';
import '../../../locales/park.messages';
import { ResponsiveTable } from '../../../components/responsive-table';

/** 园区载体: every park with its derived figures. */
export function ParksPage() {
  const { t, pick } = useI18n();
  const { data, error, isLoading, refetch } = useParks();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  if (error) return <LoadErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageHeader
        title={t('park.title')}
        extra={
          <Space wrap>
            <Link to="/map">
              <Button>{t('map.title')}</Button>
            </Link>
            {can('park.write') && (
              <Button type="primary" data-testid="park-create" onClick={() => setCreating(true)}>
                {t('park.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small">
        <ResponsiveTable<Park>
          rowKey="id"
          size="small"
          loading={isLoading}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 1100 }}
          columns={[
            {
              title: t('park.name'),
              fixed: 'left',
              render: (_, p) => (
                <Space size={4} wrap>
                  <Link to={`/parks/${p.id}`}>{p.name}</Link>
                  <SampleTag isSample={p.isSample} />
                </Space>
              ),
            },
            { title: t('park.kind'), render: (_, p) => pick(PARK_KIND_LABELS[p.kind]) },
            {
              title: t('park.chains'),
              render: (_, p) => p.chains.map((c) => <Tag key={c.id}>{c.name}</Tag>),
            },
            { title: t('park.landMu'), dataIndex: 'landMu', align: 'right' },
            { title: t('park.landAvailableMu'), dataIndex: 'landAvailableMu', align: 'right' },
            { title: t('park.landTakenRate'), align: 'right', render: (_, p) => percent(p.landTakenRate) },
            { title: t('park.buildingM2'), dataIndex: 'buildingM2', align: 'right' },
            { title: t('park.vacantM2'), dataIndex: 'vacantM2', align: 'right' },
            { title: t('park.occupancyRate'), align: 'right', render: (_, p) => percent(p.occupancyRate) },
            { title: t('park.firms'), dataIndex: 'firms', align: 'right' },
            { title: t('park.projects'), dataIndex: 'projects', align: 'right' },
            {
              title: '',
              render: (_, p) => <Link to={`/map?parkId=${p.id}`}>{t('park.onMap')}</Link>,
            },
          ]}
        />
        <p style={{ color: '#8c8c8c', marginTop: 8 }}>{t('park.derivedNote')}</p>
      </Card>
      {creating && <ParkFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
