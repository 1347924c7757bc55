import { Badge, Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';
import type { WorkItem, WorkSection } from '../api/use-workbench';

/** A count to act on: tapping it goes straight to the list or page behind the number. */
export interface WorkTile {
  key: string;
  label: string;
  count: number | undefined;
  to: string;
  danger?: boolean;
}

/** The counts at the top of the workbench, two per row on a phone, four on a desktop. */
export function WorkTiles({ tiles }: { tiles: WorkTile[] }) {
  return (
    <Row gutter={[12, 12]}>
      {tiles.map((tile) => (
        <Col xs={12} md={6} key={tile.key}>
          <Link to={tile.to} data-testid={`workbench-tile-${tile.key}`}>
            <Card hoverable size="small" styles={{ body: { minHeight: 76 } }}>
              <Typography.Text type="secondary">{tile.label}</Typography.Text>
              <div
                style={{
                  fontSize: 28,
                  fontWeight: 600,
                  lineHeight: 1.3,
                  color: tile.danger && (tile.count ?? 0) > 0 ? '#cf1322' : '#0f2a4d',
                }}
                data-testid={`workbench-count-${tile.key}`}
              >
                {tile.count ?? '…'}
              </div>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

/** Up to `limit` items of one inbox section, each one tap from its page. */
export function WorkList({
  section,
  items,
  loading,
  limit = 5,
}: {
  section: WorkSection;
  items: WorkItem[];
  loading: boolean;
  limit?: number;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      loading={loading}
      title={
        <span>
          {t(`inbox.${section}`)}{' '}
          <Badge count={items.length} showZero color={section === 'overdue' ? '#cf1322' : '#1d5bbf'} />
        </span>
      }
      extra={items.length > limit ? <Link to="/inbox">{t('workbench.all')}</Link> : null}
      data-testid={`workbench-${section}`}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, limit)}
          renderItem={(item) => (
            <List.Item>
              <Link to={item.link} style={{ display: 'block', minHeight: 44, width: '100%' }}>
                <Tag>{t(`inbox.kind.${item.kind}` as MessageKey)}</Tag>
                {item.title}
                <br />
                <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {item.code}
                  {item.deadline ? ` · ${t('sup.deadline')} ${item.deadline}` : ''}
                  {item.overdue ? ` · ${t('sup.overdueDays', { days: item.daysLate })}` : ''}
                </Typography.Text>
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
