import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/date-format';
import { errorText } from '../../../lib/error-text';
import { useI18n } from '../../../locales/i18n-context';
import { type ApiToken, useRevokeToken, useTokens } from '../api/use-tokens';
import { CreateTokenModal } from '../components/create-token-modal';
import { TokenSecretModal } from '../components/token-secret-modal';

/** `/tokens`: the user's own API tokens for integrations — create (secret shown once) and revoke. */
export function TokensPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const handleRevoke = (token: ApiToken) => {
    revoke.mutate(token.id, {
      onSuccess: () => message.success(t('tokens.revokedDone')),
      onError: (error) => message.error(errorText(error, pick)),
    });
  };

  const columns: TableProps<ApiToken>['columns'] = [
    {
      title: t('tokens.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', width: 180, render: formatDateTime },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      width: 180,
      render: (at: string | null) =>
        at ? formatDateTime(at) : <Typography.Text type="secondary">{t('tokens.neverUsed')}</Typography.Text>,
    },
    {
      title: t('tokens.status'),
      dataIndex: 'revokedAt',
      width: 240,
      render: (at: string | null) =>
        at ? (
          <Tag>{t('tokens.revoked', { time: formatDateTime(at) })}</Tag>
        ) : (
          <Tag color="success">{t('tokens.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_value, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={t('tokens.revokeConfirm')}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => handleRevoke(token)}
          >
            <Button type="link" danger size="small" data-testid={`token-revoke-${token.id}`}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        crumbs={[{ title: t('nav.account') }]}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="token-create"
          >
            {t('tokens.create')}
          </Button>
        }
      />
      <Alert type="info" showIcon title={t('tokens.intro')} style={{ marginBottom: 16 }} />
      <Card>
        {tokens.isError && !tokens.data ? (
          <LoadErrorResult error={tokens.error} onRetry={() => tokens.refetch()} />
        ) : (
          <Table<ApiToken>
            rowKey="id"
            data-testid="tokens-table"
            loading={tokens.isFetching}
            dataSource={tokens.data?.items ?? []}
            columns={columns}
            pagination={false}
            locale={{ emptyText: t('tokens.empty') }}
            scroll={{ x: 800 }}
          />
        )}
      </Card>
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setSecret(created.secret);
        }}
      />
      <TokenSecretModal secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}
