import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLES, type Role } from '../../../../../shared/src/roles';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/date-format';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useI18n } from '../../../locales/i18n-context';
import { type UserAccount, useUsers } from '../api/use-users';
import { ResetPasswordModal } from '../components/reset-password-modal';
import { UserFormModal } from '../components/user-form-modal';

const PAGE_SIZE = 20;

const ROLE_COLORS: Record<Role, string> = {
  admin: 'magenta',
  leader: 'gold',
  officer: 'blue',
  department: 'cyan',
  enterprise: 'green',
  supervisor: 'purple',
};

type Editing = { mode: 'create' } | { mode: 'edit'; user: UserAccount } | null;

/** `/users` (admin): accounts with search, role filter, create, edit and password reset. */
export function UsersPage() {
  const { t } = useI18n();
  // Search and role live in the address: Back and a shared link restore them.
  const [url, setUrl] = useUrlFilters(['q', 'role'] as const);
  const search = url.q ?? '';
  const role = ROLES.find((r) => r === url.role);
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const users = useUsers({
    q: search || undefined,
    role,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  });

  const statusTags = (user: UserAccount) => {
    const tags = [];
    const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
    if (user.disabled) tags.push(<Tag key="disabled">{t('users.disabled')}</Tag>);
    if (locked) {
      tags.push(
        <Tag
          key="locked"
          color="red"
          title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
        >
          {t('users.locked')}
        </Tag>,
      );
    }
    if (user.mustChangePassword)
      tags.push(
        <Tag key="must" color="orange">
          {t('users.mustChange')}
        </Tag>,
      );
    if (tags.length === 0)
      tags.push(
        <Tag key="active" color="success">
          {t('users.active')}
        </Tag>,
      );
    return (
      <Space size={4} wrap>
        {tags}
      </Space>
    );
  };

  const columns: TableProps<UserAccount>['columns'] = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 150,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 140 },
    {
      title: t('users.role'),
      dataIndex: 'role',
      width: 120,
      render: (value: Role) => <Tag color={ROLE_COLORS[value]}>{t(`role.${value}`)}</Tag>,
    },
    {
      title: `${t('users.department')} / ${t('users.firm')}`,
      key: 'unit',
      ellipsis: true,
      render: (_value, user) => user.departmentName ?? user.firmName ?? '—',
    },
    { title: t('users.status'), key: 'status', width: 200, render: (_value, user) => statusTags(user) },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (at: string | null) =>
        at ? formatDateTime(at) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_value, user) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing({ mode: 'edit', user })}
          >
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(user)}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        crumbs={[{ title: t('nav.system') }]}
        subtitle={t('module.users.desc')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ mode: 'create' })}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 260 }}
            maxLength={TEXT_LIMITS.handle}
            defaultValue={search}
            onSearch={(value) => {
              setUrl({ q: value.trim() || undefined });
              setPage((current) => ({ ...current, current: 1 }));
            }}
          />
          <Select<Role>
            allowClear
            placeholder={`${t('users.role')}: ${t('common.all')}`}
            style={{ width: 180 }}
            value={role}
            onChange={(value) => {
              setUrl({ role: value });
              setPage((current) => ({ ...current, current: 1 }));
            }}
            options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
          />
        </Flex>
        {users.isError && !users.data ? (
          <LoadErrorResult error={users.error} onRetry={() => users.refetch()} />
        ) : (
          <Table<UserAccount>
            rowKey="id"
            data-testid="users-table"
            loading={users.isFetching}
            dataSource={users.data?.items ?? []}
            columns={columns}
            scroll={{ x: 1100 }}
            onChange={(pagination) =>
              setPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? PAGE_SIZE })
            }
            pagination={{
              current: page.current,
              pageSize: page.pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        )}
      </Card>
      {editing ? (
        <UserFormModal
          key={editing.mode === 'edit' ? editing.user.id : 'new'}
          user={editing.mode === 'edit' ? editing.user : undefined}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
