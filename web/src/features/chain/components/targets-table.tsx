import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { SampleTag } from '../../../components/sample-tag';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type TargetItem, useCreateLeadFromTarget, useTargets } from '../api/use-chains';
import './chain-messages';

const FACTOR_COLOR: Record<string, string> = {
  industry: 'blue',
  keyword: 'geekblue',
  tie: 'purple',
  size: 'cyan',
  listed: 'gold',
  signal: 'magenta',
};

/** Ranked external firms that would fill a link (补链), each with the reasons for its score. */
export function TargetsTable({ chainId, linkId }: { chainId: string; linkId: string }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const formatMoney = useFormatMoney();
  const targets = useTargets(chainId, linkId);
  const create = useCreateLeadFromTarget(chainId, linkId);

  const handleCreate = async (item: TargetItem) => {
    try {
      const res = await create.mutateAsync(item.firm.id);
      // Plain text: the message holder renders outside the router, so no <Link> in it; the row
      // itself now links to the new lead ("已有线索").
      message.success({
        content: (
          <span data-testid="target-lead-created">
            {t('chain.target.leadCreated', { code: res.lead.code })}
          </span>
        ),
      });
    } catch (err) {
      message.error(err instanceof ApiError ? pick(err.text) : String(err));
    }
  };

  if (targets.isError && !targets.data)
    return <LoadErrorResult error={targets.error} onRetry={() => targets.refetch()} />;

  const columns: TableProps<TargetItem>['columns'] = [
    { title: '#', dataIndex: 'rank', width: 44 },
    {
      title: t('chain.target.firm'),
      width: 240,
      render: (_v, item) => (
        <Space orientation="vertical" size={2}>
          <Space size={4} wrap>
            <Link to={`/firms/${item.firm.id}`}>{item.firm.name}</Link>
            <SampleTag isSample={item.firm.isSample} />
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[
              item.firm.region,
              item.firm.industryCode ? `${item.firm.industryCode} ${item.firm.industryName ?? ''}` : null,
              item.firm.registeredCapital ? formatMoney(item.firm.registeredCapital) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('chain.target.score'),
      dataIndex: 'score',
      width: 70,
      render: (score: number) => (
        <Typography.Text strong data-testid="target-score">
          {score}
        </Typography.Text>
      ),
    },
    {
      title: t('chain.target.reasons'),
      render: (_v, item) => (
        <Space orientation="vertical" size={2} className="target-reasons">
          {item.reasons.map((r) => (
            <span key={r.factor}>
              <Tag color={FACTOR_COLOR[r.factor]} style={{ marginInlineEnd: 6 }}>
                {t(`chain.factor.${r.factor}`)} +{r.points}
              </Tag>
              <Typography.Text style={{ fontSize: 13 }}>{pick(r.text)}</Typography.Text>
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      width: 130,
      render: (_v, item) =>
        item.existingLead ? (
          <Link to={`/leads/${item.existingLead.id}`}>
            {t('chain.target.hasLead', { code: item.existingLead.code })}
          </Link>
        ) : can('lead.write') ? (
          <Tooltip
            title={
              item.referrer ? t('chain.target.referrerHint', { name: item.referrer.firmName }) : undefined
            }
          >
            <Button
              size="small"
              type="primary"
              ghost
              icon={<PlusOutlined />}
              loading={create.isPending && create.variables === item.firm.id}
              onClick={() => handleCreate(item)}
              data-testid="target-create-lead"
            >
              {t('chain.target.createLead')}
            </Button>
          </Tooltip>
        ) : null,
    },
  ];

  return (
    <div data-testid="targets-table">
      {targets.data ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('chain.target.summary', {
            candidates: targets.data.candidates,
            shown: targets.data.items.length,
          })}
        </Typography.Paragraph>
      ) : null}
      <Table<TargetItem>
        rowKey={(item) => item.firm.id}
        size="small"
        loading={targets.isFetching}
        columns={columns}
        dataSource={targets.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('chain.target.empty')} /> }}
      />
    </div>
  );
}
