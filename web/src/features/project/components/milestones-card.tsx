import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Table, type TableProps, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayInShanghai } from '../../../../../shared/src/dates';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { LoadErrorResult } from '../../../components/load-error-result';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../locales/i18n-context';
import { type Milestone, useAddMilestone, useMilestones, useUpdateMilestone } from '../api/use-projects';

interface MilestoneFormValues {
  name: string;
  plannedDate: Dayjs;
  ownerName?: string;
}

function AddMilestoneModal({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MilestoneFormValues>();
  const add = useAddMilestone(projectId);
  return (
    <Modal
      open
      title={t('milestone.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'milestone-submit' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        data-testid="milestone-form"
        onFinish={(values) =>
          add.mutate(
            {
              name: values.name.trim(),
              plannedDate: values.plannedDate.format('YYYY-MM-DD'),
              ownerName: values.ownerName?.trim() || null,
            },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => {
                if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
              },
            },
          )
        }
      >
        <Form.Item name="name" label={t('milestone.name')} rules={[{ required: true, whitespace: true }]}>
          <Input
            maxLength={TEXT_LIMITS.label}
            placeholder={t('milestone.namePlaceholder')}
            data-testid="milestone-name"
          />
        </Form.Item>
        <Form.Item name="plannedDate" label={t('milestone.plannedDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="milestone-planned" />
        </Form.Item>
        <Form.Item name="ownerName" label={t('milestone.owner')}>
          <Input maxLength={TEXT_LIMITS.person} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 节点计划: planned and actual dates; a milestone past its plan without an actual date is late. */
export function MilestonesCard({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const milestones = useMilestones(projectId);
  const update = useUpdateMilestone(projectId);
  const [adding, setAdding] = useState(false);
  const today = dayjs(todayInShanghai());

  const handleActual = (milestone: Milestone, day: Dayjs | null) => {
    update.mutate(
      {
        milestoneId: milestone.id,
        input: { version: milestone.version, actualDate: day ? day.format('YYYY-MM-DD') : null },
      },
      { onError: (error) => message.error(errorText(error, pick)) },
    );
  };

  const columns: TableProps<Milestone>['columns'] = [
    { title: t('milestone.name'), dataIndex: 'name' },
    {
      title: t('milestone.plannedDate'),
      dataIndex: 'plannedDate',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('milestone.actualDate'),
      key: 'actualDate',
      width: 170,
      render: (_value, milestone) =>
        canEdit ? (
          <DatePicker
            size="small"
            value={milestone.actualDate ? dayjs(milestone.actualDate) : null}
            placeholder={t('milestone.setActual')}
            disabledDate={(day) => day.isAfter(today, 'day')}
            onChange={(day) => handleActual(milestone, day)}
            data-testid={`milestone-actual-${milestone.id}`}
          />
        ) : (
          (milestone.actualDate ?? '—')
        ),
    },
    {
      title: t('milestone.owner'),
      dataIndex: 'ownerName',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('milestone.status'),
      key: 'status',
      width: 120,
      render: (_value, milestone) => {
        if (milestone.actualDate) return <Tag color="success">{t('milestone.done')}</Tag>;
        if (milestone.late)
          return (
            <Tag color="red" data-testid="milestone-late">
              {t('project.lateDays', { days: milestone.daysLate })}
            </Tag>
          );
        return <Tag>{t('milestone.pending')}</Tag>;
      },
    },
  ];

  return (
    <Card
      title={t('milestone.title')}
      data-testid="milestones"
      extra={
        canEdit ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="milestone-add"
          >
            {t('milestone.add')}
          </Button>
        ) : null
      }
    >
      {milestones.isError ? (
        <LoadErrorResult error={milestones.error} onRetry={() => milestones.refetch()} />
      ) : (
        <Table<Milestone>
          rowKey="id"
          size="small"
          pagination={false}
          loading={milestones.isPending || update.isPending}
          dataSource={milestones.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: t('milestone.empty') }}
          onRow={(milestone) => ({ style: milestone.late ? { background: '#fff1f0' } : undefined })}
        />
      )}
      {adding ? <AddMilestoneModal projectId={projectId} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
