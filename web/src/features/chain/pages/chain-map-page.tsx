import { DownloadOutlined, EditOutlined, FileImageOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Dropdown,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { downloadChartPng, type EChartsRef } from '../../../components/echart';
import { FullPageSpin } from '../../../components/full-page-spin';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { ApiError, downloadFile } from '../../../lib/api-client';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type MapLink, useChainMap } from '../api/use-chains';
import { ChainMapChart } from '../components/chain-map-chart';
import { LinkDrawer } from '../components/link-drawer';
import { firmCount, LinkStateTag } from '../components/link-state';
import '../components/chain-messages';

/** `/chains/:id` 产业链图谱: the chain map, its figures, the link list, and a link's drawer. */
export function ChainMapPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const formatMoney = useFormatMoney();
  const map = useChainMap(id);
  const chartRef = useRef<EChartsRef>(null);
  const [open, setOpen] = useState<MapLink | null>(null);

  if (map.isPending) return <FullPageSpin />;
  if (map.isError) return <LoadErrorResult error={map.error} onRetry={() => map.refetch()} />;
  const { chain, summary, year, links } = map.data;

  const handleExport = async (format: 'json' | 'xlsx') => {
    try {
      await downloadFile(`/api/chains/${id}/export`, { format }, `${chain.name}.${format}`);
    } catch (err) {
      message.error(err instanceof ApiError ? pick(err.text) : String(err));
    }
  };

  const handlePng = () => {
    if (downloadChartPng(chartRef.current, `${chain.name}-产业链图谱.png`))
      message.success(t('chain.map.pngSaved'));
  };

  const ratio = (actual: number, target: number | null) =>
    target ? Math.min(100, Math.round((actual / target) * 100)) : 0;

  return (
    <>
      <PageHeader
        title={chain.name}
        crumbs={[{ title: t('nav.chains'), path: '/chains' }]}
        subtitle={
          <Space wrap size={4}>
            <SampleTag isSample={chain.isSample} />
            {chain.region ? <Tag>{chain.region}</Tag> : null}
            {chain.goal ? <span>{chain.goal}</span> : null}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<FileImageOutlined />} onClick={handlePng} data-testid="chain-export-png">
              {t('chain.map.exportPng')}
            </Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: 'Excel (xlsx)', onClick: () => handleExport('xlsx') },
                  { key: 'json', label: 'JSON', onClick: () => handleExport('json') },
                ],
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="chain-export-file">
                {t('chain.export')}
              </Button>
            </Dropdown>
            {can('chain.write') ? (
              <Link to={`/chains/${id}/edit`}>
                <Button icon={<EditOutlined />} data-testid="chain-edit">
                  {t('chain.edit')}
                </Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <Card size="small" style={{ height: '100%' }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('chain.official')}>
                {chain.officialName
                  ? `${chain.officialName}${chain.officialTitle ? `（${chain.officialTitle}）` : ''}`
                  : t('chain.notSet')}
              </Descriptions.Item>
              <Descriptions.Item label={t('chain.leaders')}>
                {chain.leaders.length
                  ? chain.leaders.map((l) => (
                      <Tag key={l.firmId} color="purple">
                        {l.shortName ?? l.firmName}
                      </Tag>
                    ))
                  : t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('chain.parks')}>
                {chain.parks.length
                  ? chain.parks.map((p) => <Tag key={p.id}>{p.name}</Tag>)
                  : t('common.none')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('chain.coverage')} value={Math.round(summary.coverage * 100)} suffix="%" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('chain.map.states', {
                strong: summary.strong,
                weak: summary.weak,
                missing: summary.missing,
              })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={5}>
          <Card size="small" style={{ height: '100%' }}>
            <Typography.Text type="secondary">
              {t('chain.targetVsActual', { year: year.year })}
            </Typography.Text>
            <div style={{ marginTop: 6 }}>
              {t('chain.count.projects')} {year.projectsActual} / {year.projectsTarget ?? '—'}
              <Progress percent={ratio(year.projectsActual, year.projectsTarget)} size="small" />
            </div>
            <div>
              {t('chain.count.investment')} {formatMoney(year.investmentActual)} /{' '}
              {year.investmentTarget === null ? '—' : formatMoney(year.investmentTarget)}
              <Progress percent={ratio(year.investmentActual, year.investmentTarget)} size="small" />
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={5}>
          <Card size="small" style={{ height: '100%' }}>
            <Space size={24}>
              <Statistic title={t('chain.count.firms')} value={summary.firms} />
              <Statistic title={t('chain.count.projects')} value={summary.projects} />
            </Space>
            <Typography.Paragraph style={{ margin: '8px 0 0' }}>
              {t('chain.count.investment')}: {formatMoney(summary.investment)}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <Card
        title={t('chain.map.title')}
        size="small"
        extra={
          <Space size={4}>
            <LinkStateTag state="strong" />
            <LinkStateTag state="weak" />
            <LinkStateTag state="missing" />
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        {links.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('chain.map.noLinks')}</Typography.Paragraph>
        ) : (
          <ChainMapChart map={map.data} onLink={setOpen} chartRef={chartRef} />
        )}
      </Card>
      <Card title={t('chain.map.linkList')} size="small">
        <Table<MapLink>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={links}
          onRow={(l) =>
            ({
              onClick: () => setOpen(l),
              style: { cursor: 'pointer' },
              'data-testid': `chain-link-${l.id}`,
              'data-state': l.state,
              'data-name': l.name,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('chain.link.name'),
              render: (_v, l) => (
                <span style={{ paddingLeft: l.depth * 20, fontWeight: l.depth === 0 ? 600 : 400 }}>
                  {l.name}
                </span>
              ),
            },
            { title: t('chain.position'), width: 80, render: (_v, l) => t(`chain.position.${l.position}`) },
            { title: t('chain.state'), width: 90, render: (_v, l) => <LinkStateTag state={l.state} /> },
            { title: t('chain.count.firms'), width: 90, align: 'right', render: (_v, l) => firmCount(l) },
            {
              title: t('chain.count.projects'),
              width: 90,
              align: 'right',
              render: (_v, l) => l.total.projects,
            },
            {
              title: t('chain.count.investment'),
              width: 120,
              align: 'right',
              render: (_v, l) => formatMoney(l.total.investment),
            },
            { title: t('chain.count.leads'), width: 90, align: 'right', render: (_v, l) => l.total.leads },
          ]}
        />
      </Card>
      <LinkDrawer chainId={id} link={open} onClose={() => setOpen(null)} />
    </>
  );
}
