import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { errorText } from '../../../lib/error-text';
import { useI18n } from '../../../locales/i18n-context';
import { type Channel, useChannels, useTestChannel, useToggleChannel } from '../api/use-channels';
import { ChannelFormModal } from '../components/channel-form-modal';
import '../../../locales/channels.messages';

/**
 * `/channels` (admin): the outbound channels that carry reminders and escalations out of the system
 * — WeChat Work / DingTalk bots and email — with their delivery counts and a test send.
 */
export function ChannelsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const channels = useChannels();
  const toggle = useToggleChannel();
  const test = useTestChannel();
  const [adding, setAdding] = useState(false);
  const [testing, setTesting] = useState<string>();

  const handleTest = (c: Channel) => {
    setTesting(c.id);
    test.mutate(c.id, {
      onSuccess: (r) =>
        r.ok
          ? message.success(t('channels.testOk'))
          : message.error(t('channels.testFailed', { error: r.error ?? '' })),
      onError: (error) => message.error(errorText(error, pick)),
      onSettled: () => setTesting(undefined),
    });
  };

  return (
    <>
      <PageHeader
        title={t('nav.channels')}
        subtitle={t('module.channels.desc')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="channel-add"
          >
            {t('channels.add')}
          </Button>
        }
      />
      <Card>
        {channels.isError ? (
          <LoadErrorResult error={channels.error} onRetry={() => channels.refetch()} />
        ) : (
          <Table<Channel>
            rowKey="id"
            loading={channels.isLoading}
            dataSource={channels.data?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            data-testid="channel-list"
            locale={{ emptyText: t('channels.none') }}
            columns={[
              { title: t('channels.name'), dataIndex: 'name' },
              {
                title: t('channels.kind'),
                key: 'kind',
                width: 130,
                render: (_, c) => <Tag>{t(`channels.kind.${c.kind}`)}</Tag>,
              },
              {
                title: t('channels.destination'),
                key: 'destination',
                render: (_, c) =>
                  c.kind === 'webhook'
                    ? (c.destination ?? '—')
                    : Array.isArray(c.config.to)
                      ? c.config.to.join('、')
                      : '—',
              },
              {
                title: t('channels.deliveries'),
                key: 'deliveries',
                width: 200,
                render: (_, c) => (
                  <span>
                    {t('channels.counts', { sent: c.sent, pending: c.pending, failed: c.failed })}
                    {c.lastError ? (
                      <Typography.Paragraph type="danger" style={{ margin: 0 }} ellipsis={{ rows: 2 }}>
                        {c.lastError}
                      </Typography.Paragraph>
                    ) : null}
                  </span>
                ),
              },
              {
                title: t('channels.enabled'),
                key: 'enabled',
                width: 90,
                render: (_, c) => (
                  <Switch
                    checked={c.enabled}
                    loading={toggle.isPending && toggle.variables?.id === c.id}
                    onChange={(enabled) =>
                      toggle.mutate(
                        { id: c.id, version: c.version, enabled },
                        { onError: (error) => message.error(errorText(error, pick)) },
                      )
                    }
                  />
                ),
              },
              {
                title: '',
                key: 'test',
                width: 110,
                render: (_, c) => (
                  <Button
                    icon={<SendOutlined />}
                    loading={testing === c.id}
                    onClick={() => handleTest(c)}
                    data-testid="channel-test"
                  >
                    {t('channels.test')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      {adding ? <ChannelFormModal onClose={() => setAdding(false)} /> : null}
    </>
  );
}
