import { UserSwitchOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { type Department, useDepartments } from '../../../lib/use-departments';
import { useI18n } from '../../../locales/i18n-context';
import { HeadPickerModal } from '../components/head-picker-modal';
import '../../../locales/departments.messages';

/**
 * `/departments` (admin): each unit's head (负责人) as an account. The first step of an overdue
 * factor request or task's escalation reaches that person; a unit without one shows whom it reaches
 * instead, and the head text imported before accounts were linked stays visible.
 */
export function DepartmentsPage() {
  const { t } = useI18n();
  const departments = useDepartments();
  const [editing, setEditing] = useState<Department>();

  return (
    <>
      <PageHeader title={t('nav.departments')} subtitle={t('module.departments.desc')} />
      <Card>
        {departments.isError ? (
          <LoadErrorResult error={departments.error} onRetry={() => departments.refetch()} />
        ) : (
          <Table<Department>
            rowKey="id"
            loading={departments.isLoading}
            dataSource={departments.data?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            data-testid="department-list"
            columns={[
              { title: t('departments.code'), dataIndex: 'code', width: 90 },
              { title: t('departments.name'), dataIndex: 'name' },
              {
                title: t('departments.head'),
                key: 'head',
                render: (_, d) => <HeadCell d={d} />,
              },
              {
                title: t('departments.escalation'),
                key: 'escalation',
                render: (_, d) =>
                  d.headActive ? (
                    t('departments.toHead')
                  ) : (
                    <Typography.Text type="warning">{t('departments.fallback')}</Typography.Text>
                  ),
              },
              {
                title: '',
                key: 'edit',
                width: 140,
                render: (_, d) => (
                  <Button icon={<UserSwitchOutlined />} onClick={() => setEditing(d)} data-testid="head-edit">
                    {t('departments.setHead')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      {editing ? <HeadPickerModal department={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}

/** The head user's name (with the imported text beside it, if any), else the imported text marked as such, else 未设置. */
function HeadCell({ d }: { d: Department }) {
  const { t } = useI18n();
  if (d.headUserName) {
    return (
      <Space size={4} wrap>
        {d.headUserName}
        {d.headActive ? (
          <Tag color="blue">{t('departments.headAccount')}</Tag>
        ) : (
          <Tag color="orange">{t('departments.headInactive')}</Tag>
        )}
        {d.headName && d.headName !== d.headUserName ? (
          <Typography.Text type="secondary">
            {t('departments.importedWas', { name: d.headName })}
          </Typography.Text>
        ) : null}
      </Space>
    );
  }
  if (d.headName) {
    return (
      <Space size={4}>
        {d.headName}
        <Tag>{t('departments.headImported')}</Tag>
      </Space>
    );
  }
  return <Typography.Text type="secondary">{t('departments.noHead')}</Typography.Text>;
}
