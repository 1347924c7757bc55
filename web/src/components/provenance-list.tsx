import { FileTextOutlined } from '@ant-design/icons';
import { Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/date-format';
import { useFieldLabel } from '../lib/intake-field-label';
import { useCan } from '../lib/use-me';
import { useProvenance } from '../lib/use-provenance';
import { useI18n } from '../locales/i18n-context';
import '../locales/intake.messages';
import { LoadErrorResult } from './load-error-result';

/**
 * 来源资讯 Sources: the news articles a record was changed from (provenance), newest first, each
 * linking to the article in its intake. Shown to those who may read intakes (not enterprise users).
 */
export function ProvenanceList({ entity, id }: { entity: 'project' | 'firm' | 'lead'; id: string }) {
  const { t } = useI18n();
  const can = useCan();
  const allowed = can('intake.read');
  const provenance = useProvenance(entity, id, allowed);
  const label = useFieldLabel();
  if (!allowed) return null;

  let body: React.ReactNode;
  if (provenance.isPending) body = <Spin />;
  else if (provenance.isError)
    body = <LoadErrorResult error={provenance.error} onRetry={() => provenance.refetch()} />;
  else if (provenance.data.items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.provenance.empty')} />;
  else
    body = (
      <List
        size="small"
        dataSource={provenance.data.items}
        renderItem={(item) => (
          <List.Item data-testid="provenance-item">
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space size={6} wrap>
                <FileTextOutlined />
                <Link to={`/intake/${item.intakeId}?article=${item.articleId}`}>
                  {item.articleTitle ?? item.fileName ?? t('intake.untitled')}
                </Link>
                {item.articleDate ? (
                  <Typography.Text type="secondary">{item.articleDate}</Typography.Text>
                ) : null}
                <Tag>{t(`intake.proposalKind.${item.proposalKind}`)}</Tag>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[item.fields.map(label).join('、'), item.appliedByName, formatDateTime(item.appliedAt)]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    );

  return (
    <Card
      title={t('intake.provenance.title')}
      size="small"
      data-testid="provenance-list"
      style={{ marginTop: 16 }}
    >
      {body}
    </Card>
  );
}
