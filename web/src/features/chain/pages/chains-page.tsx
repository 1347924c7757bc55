import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CHAIN_SCOPES } from '../../../../../shared/src/chain';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { PageHeader } from '../../../components/page-header';
import { ResponsiveTable } from '../../../components/responsive-table';
import { SampleTag } from '../../../components/sample-tag';
import { ApiError, api } from '../../../lib/api-client';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import {
  type ChainDetail,
  type OverviewItem,
  useChainOverview,
  useInvalidateChains,
} from '../api/use-chains';
import { WeightsCard } from '../components/weights-card';
import '../components/chain-messages';

const pct = (x: number) => Math.round(x * 100);

/** `/chains` 产业链: every chain ranked side by side (coverage, projects, investment, target vs actual). */
export function ChainsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const formatMoney = useFormatMoney();
  const overview = useChainOverview();
  const invalidate = useInvalidateChains();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ name: string; scope: string; region?: string; officialName?: string }>();

  const items = overview.data?.items ?? [];
  const worked = items.filter((i) => i.summary.links > 0);
  const listed = items.filter((i) => i.summary.links === 0);

  const handleCreate = async () => {
    const values = await form.validateFields();
    try {
      const chain = await api.post<ChainDetail>('/api/chains', values);
      invalidate();
      navigate(`/chains/${chain.id}/edit`);
    } catch (err) {
      message.error(err instanceof ApiError ? pick(err.text) : String(err));
    }
  };

  const handleImport = async (file: File) => {
    try {
      let chain: ChainDetail;
      if (file.name.endsWith('.json')) {
        chain = (await api.post<{ chain: ChainDetail }>('/api/chains/import', JSON.parse(await file.text())))
          .chain;
      } else {
        const body = new FormData();
        body.append('file', file);
        chain = (await api.upload<{ chain: ChainDetail }>('/api/chains/import/xlsx', body)).chain;
      }
      invalidate();
      message.success(t('chain.imported', { name: chain.name }));
    } catch (err) {
      message.error(err instanceof ApiError ? pick(err.text) : t('chain.importFailed'));
    }
    return false;
  };

  return (
    <>
      <PageHeader
        title={t('chain.title')}
        subtitle={t('module.chain.desc')}
        extra={
          can('chain.write') ? (
            <Space>
              <Upload accept=".json,.xlsx" showUploadList={false} beforeUpload={handleImport}>
                <Button icon={<UploadOutlined />} data-testid="chain-import">
                  {t('chain.import')}
                </Button>
              </Upload>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="chain-create"
              >
                {t('chain.create')}
              </Button>
            </Space>
          ) : null
        }
      />
      {overview.isError && !overview.data ? (
        <LoadErrorResult error={overview.error} onRetry={() => overview.refetch()} />
      ) : (
        <Card title={t('chain.overview')} size="small" style={{ marginBottom: 16 }}>
          <ResponsiveTable<OverviewItem>
            rowKey="id"
            size="small"
            loading={overview.isFetching}
            pagination={false}
            dataSource={worked}
            onRow={(c) => ({ 'data-testid': `chain-row-${c.name}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('chain.rank'), dataIndex: 'rank', width: 60 },
              {
                title: t('chain.name'),
                render: (_v, c) => (
                  <Space orientation="vertical" size={0}>
                    <Space size={4}>
                      <Link to={`/chains/${c.id}`}>{c.name}</Link>
                      <SampleTag isSample={c.isSample} />
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[c.region, c.leaders.length ? `${t('chain.leaders')}：${c.leaders.join('、')}` : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('chain.coverage'),
                width: 220,
                render: (_v, c) => (
                  <div>
                    <Progress
                      percent={pct(c.summary.coverage)}
                      size="small"
                      strokeColor={
                        c.summary.coverage >= 0.6
                          ? '#389e0d'
                          : c.summary.coverage >= 0.3
                            ? '#d48806'
                            : '#cf1322'
                      }
                    />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('chain.map.states', {
                        strong: c.summary.strong,
                        weak: c.summary.weak,
                        missing: c.summary.missing,
                      })}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                title: t('chain.count.firms'),
                width: 80,
                align: 'right',
                render: (_v, c) => c.summary.firms,
              },
              {
                title: t('chain.count.projects'),
                width: 80,
                align: 'right',
                render: (_v, c) => c.summary.projects,
              },
              {
                title: t('chain.count.investment'),
                width: 110,
                align: 'right',
                render: (_v, c) => formatMoney(c.summary.investment),
              },
              {
                title: t('chain.targetVsActualShort', { year: items[0]?.year.year ?? '' }),
                width: 220,
                render: (_v, c) =>
                  c.year.investmentTarget ? (
                    <div>
                      <Progress
                        percent={Math.min(100, pct(c.year.investmentActual / c.year.investmentTarget))}
                        size="small"
                      />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.year.projectsActual}/{c.year.projectsTarget ?? '—'} ·{' '}
                        {formatMoney(c.year.investmentActual)}/{formatMoney(c.year.investmentTarget)}
                      </Typography.Text>
                    </div>
                  ) : (
                    t('common.none')
                  ),
              },
            ]}
          />
        </Card>
      )}
      {listed.length > 0 ? (
        <Card
          title={t('chain.cityList', { n: listed.filter((c) => c.isCityKey).length })}
          size="small"
          style={{ marginBottom: 16 }}
        >
          <Space wrap>
            {listed.map((c) => (
              <Tag key={c.id} style={{ padding: '2px 8px' }}>
                <Link to={`/chains/${c.id}`}>{c.name}</Link> <SampleTag isSample={c.isSample} />
              </Tag>
            ))}
          </Space>
        </Card>
      ) : null}
      <WeightsCard />
      <Modal
        open={creating}
        title={t('chain.create')}
        onCancel={() => setCreating(false)}
        onOk={handleCreate}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ scope: 'zone' }}>
          <Form.Item name="name" label={t('chain.name')} rules={[{ required: true, max: 120 }]}>
            <Input data-testid="chain-create-name" />
          </Form.Item>
          <Form.Item name="scope" label={t('chain.scope')}>
            <Select options={CHAIN_SCOPES.map((s) => ({ value: s, label: t(`chain.scope.${s}`) }))} />
          </Form.Item>
          <Form.Item name="region" label={t('chain.region')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="officialName" label={t('chain.official')}>
            <Input maxLength={120} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
