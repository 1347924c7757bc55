import { Card, Col, Progress, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { FigureCards } from '../../../components/figure-cards';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { SampleTag } from '../../../components/sample-tag';
import { useI18n } from '../../../locales/i18n-context';
import { useCampaigns } from '../api/use-campaigns';

/** `/campaigns` 专项行动: each campaign with its progress and headline figures. */
export function CampaignsPage() {
  const { t } = useI18n();
  const campaigns = useCampaigns();
  if (campaigns.isError)
    return <LoadErrorResult error={campaigns.error} onRetry={() => campaigns.refetch()} />;
  return (
    <>
      <PageHeader title={t('campaign.title')} />
      <Row gutter={[16, 16]}>
        {(campaigns.data?.items ?? []).map((c) => (
          <Col key={c.id} xs={24} xl={12}>
            <Card
              loading={campaigns.isPending}
              data-testid="campaign-card"
              title={
                <Space wrap>
                  <Link to={`/campaigns/${c.id}`} data-testid="campaign-link">
                    {c.name}
                  </Link>
                  <Tag color="blue">{t(`campaign.kind.${c.kind}`)}</Tag>
                  {c.theme ? <Tag color="gold">{c.theme}</Tag> : null}
                  <SampleTag isSample={c.isSample} />
                </Space>
              }
            >
              <Typography.Paragraph type="secondary">{c.description}</Typography.Paragraph>
              {c.actionCount > 0 ? (
                <Typography.Paragraph>{t('campaign.actionCount', { n: c.actionCount })}</Typography.Paragraph>
              ) : null}
              <Space size={24} wrap style={{ marginBottom: 12 }}>
                <span>
                  {t('campaign.tasks')} {c.taskTotal}
                </span>
                <span>
                  {t('campaign.closed')} {c.taskClosed}
                </span>
                <Typography.Text type={c.taskOverdue > 0 ? 'danger' : undefined}>
                  {t('campaign.overdueTasks')} {c.taskOverdue}
                </Typography.Text>
              </Space>
              <Progress percent={c.progress} />
              {c.figures.length > 0 ? <FigureCards figures={c.figures} testId="campaign-figures" /> : null}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
