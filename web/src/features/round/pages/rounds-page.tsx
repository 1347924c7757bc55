import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Modal, Progress, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PROJECT_PRIORITIES, type ProjectPriority } from '../../../../../shared/src/pipeline-enums';
import {
  PROJECT_STAGES,
  type ProjectStage,
  projectStageLabel,
} from '../../../../../shared/src/project-stage';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { ReportButtons } from '../../../components/report-buttons';
import { ResponsiveTable } from '../../../components/responsive-table';
import { errorText } from '../../../lib/error-text';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type Round, useCreateRound, useRounds } from '../api/use-rounds';

/** `/rounds` 项目调度: the rounds with their reporting rate; an admin sets a new one. */
export function RoundsPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const rounds = useRounds();
  const create = useCreateRound();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{
    kind: 'week' | 'month';
    date?: Dayjs;
    deadline?: Dayjs;
    stages?: ProjectStage[];
    priorities?: ProjectPriority[];
  }>();
  const onCreate = async () => {
    const v = await form.validateFields();
    try {
      const r = await create.mutateAsync({
        kind: v.kind,
        date: v.date?.format('YYYY-MM-DD'),
        deadline: v.deadline?.format('YYYY-MM-DD'),
        stages: v.stages,
        priorities: v.priorities,
      });
      setOpen(false);
      navigate(`/rounds/${r.id}`);
    } catch (err) {
      message.error(errorText(err, pick));
    }
  };
  return (
    <>
      <PageHeader
        title={t('round.title')}
        subtitle={t('module.round.desc')}
        extra={
          <Space>
            <Link to="/rounds/reports">{t('round.reportsTitle')}</Link>
            <ReportButtons />
            {can('round.manage') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setOpen(true)}
                data-testid="rounds-create"
              >
                {t('round.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        {rounds.isError ? (
          <LoadErrorResult error={rounds.error} onRetry={() => rounds.refetch()} />
        ) : (
          <ResponsiveTable<Round>
            data-testid="rounds-table"
            rowKey="id"
            size="small"
            loading={rounds.isPending}
            dataSource={rounds.data?.items ?? []}
            onRow={(r) => ({ onClick: () => navigate(`/rounds/${r.id}`), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('round.title'),
                dataIndex: 'title',
                render: (v: string, r) => (
                  <>
                    {v} {r.isSample ? <Tag>{t('round.sample')}</Tag> : null}
                  </>
                ),
              },
              { title: t('round.period'), dataIndex: 'periodKey', width: 110 },
              { title: t('round.deadline'), dataIndex: 'deadline', width: 120 },
              {
                title: t('round.status'),
                dataIndex: 'status',
                width: 100,
                render: (s: Round['status']) => (
                  <Tag color={s === 'open' ? 'blue' : 'default'}>{t(`round.status.${s}`)}</Tag>
                ),
              },
              {
                title: t('round.rate'),
                width: 220,
                render: (_: unknown, r) => (
                  <Space>
                    <Progress
                      percent={r.expected ? Math.round((r.reported / r.expected) * 100) : 0}
                      size="small"
                      style={{ width: 100 }}
                    />
                    {r.reported}/{r.expected}
                    {r.late ? <Tag color="orange">{`${t('round.late')} ${r.late}`}</Tag> : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={open}
        title={t('round.create')}
        onCancel={() => setOpen(false)}
        onOk={onCreate}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'week' }}>
          <Form.Item name="kind" label={t('round.kind')} rules={[{ required: true }]}>
            <Select
              options={(['week', 'month'] as const).map((k) => ({ value: k, label: t(`round.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="date" label={t('round.date')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="deadline" label={t('round.deadline')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="stages" label={t('round.stages')}>
            <Select
              mode="multiple"
              options={PROJECT_STAGES.filter((s) => s.order !== null).map((s) => ({
                value: s.key,
                label: pick(projectStageLabel(s.key)),
              }))}
            />
          </Form.Item>
          <Form.Item name="priorities" label={t('round.priorities')}>
            <Select
              mode="multiple"
              options={PROJECT_PRIORITIES.map((p) => ({ value: p, label: t(`project.priority.${p}`) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
