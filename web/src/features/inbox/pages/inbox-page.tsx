import { Badge, Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/date-format';
import { useI18n } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';
import { type InboxItem, useInbox, useMarkRead } from '../api/use-inbox';

function ItemList({ items, testId }: { items: InboxItem[]; testId: string }) {
  const { t } = useI18n();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />;
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={items}
      renderItem={(i) => (
        <List.Item>
          <Space direction="vertical" size={0} style={{ width: '100%' }}>
            <Space wrap>
              <Tag>{t(`inbox.kind.${i.kind}` as MessageKey)}</Tag>
              <Link to={i.link} data-testid="inbox-item-link">
                {i.title}
              </Link>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.code}
              {i.deadline ? ` · ${t('sup.deadline')} ${i.deadline}` : ''}
              {i.overdue ? (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {' '}
                  · {t('sup.overdueDays', { days: i.daysLate })}
                </Typography.Text>
              ) : null}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** `/inbox`: what is assigned to me, due this week, overdue, to confirm; notifications. */
export function InboxPage() {
  const { t } = useI18n();
  const inbox = useInbox();
  const markRead = useMarkRead();
  if (inbox.isError) return <LoadErrorResult error={inbox.error} onRetry={() => inbox.refetch()} />;
  const d = inbox.data;
  const section = (key: 'assigned' | 'dueThisWeek' | 'overdue' | 'toConfirm', danger = false) => (
    <Card
      size="small"
      loading={inbox.isPending}
      title={
        <Space>
          {t(`inbox.${key}`)}
          <Badge count={d?.[key].length ?? 0} showZero color={danger ? '#cf1322' : '#1d5bbf'} />
        </Space>
      }
    >
      <ItemList items={d?.[key] ?? []} testId={`inbox-${key}`} />
    </Card>
  );
  return (
    <>
      <PageHeader title={t('inbox.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          {section('toConfirm')}
        </Col>
        <Col xs={24} xl={12}>
          {section('overdue', true)}
        </Col>
        <Col xs={24} xl={12}>
          {section('dueThisWeek')}
        </Col>
        <Col xs={24} xl={12}>
          {section('assigned')}
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            loading={inbox.isPending}
            title={
              <Space>
                {t('inbox.notifications')}
                <Badge count={d?.unread ?? 0} />
              </Space>
            }
            extra={
              <Button size="small" onClick={() => markRead.mutate(undefined)} data-testid="inbox-read-all">
                {t('inbox.markAllRead')}
              </Button>
            }
          >
            <List
              size="small"
              data-testid="inbox-notifications"
              dataSource={d?.notifications ?? []}
              locale={{ emptyText: t('inbox.empty') }}
              renderItem={(n) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Space>
                      {n.read ? null : <Badge status="processing" />}
                      {n.link ? (
                        <Link to={n.link} onClick={() => (n.read ? undefined : markRead.mutate(n.id))}>
                          {n.title}
                        </Link>
                      ) : (
                        n.title
                      )}
                    </Space>
                    {n.body ? <Typography.Text type="secondary">{n.body}</Typography.Text> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
