import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { TASK_SOURCES, type TaskSource } from '../../../../../shared/src/task-status';
import { ProjectSelect } from '../../../components/project-select';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useDepartments } from '../../../lib/use-departments';
import { useI18n } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';
import { useCreateTask } from '../api/use-tasks';

interface Values {
  title: string;
  source: TaskSource;
  sourceTitle?: string;
  description?: string;
  leadDepartmentId: string;
  cooperatingDepartmentIds?: string[];
  leaderName?: string;
  deadline?: Dayjs | null;
  projectId?: string | null;
  milestones?: Array<{ name: string; plannedDate: Dayjs }>;
}

/** A new supervised task with its units, deadline and roadmap (时间表、路线图、任务书). */
export function TaskFormModal({ onClose }: { onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateTask();
  const departments = useDepartments();
  const options = (departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }));
  return (
    <Modal
      open
      width={720}
      title={t('task.new')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'task-form-submit' } as Record<string, string>}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ source: 'meeting' }}
        onFinish={(v) =>
          create.mutate(
            {
              type: 'supervision',
              title: v.title.trim(),
              source: v.source,
              sourceTitle: v.sourceTitle?.trim() || null,
              description: v.description?.trim() || null,
              leadDepartmentId: v.leadDepartmentId,
              cooperatingDepartmentIds: v.cooperatingDepartmentIds ?? [],
              leaderName: v.leaderName?.trim() || null,
              deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
              projectId: v.projectId ?? null,
              milestones: (v.milestones ?? []).map((m) => ({
                name: m.name,
                plannedDate: m.plannedDate.format('YYYY-MM-DD'),
              })),
            },
            {
              onSuccess: (task) => {
                message.success(t('common.saved'));
                onClose();
                navigate(`/tasks/${(task as { id: string }).id}`);
              },
              onError: (error) => applyFieldErrors(form, error, pick),
            },
          )
        }
      >
        <Form.Item
          name="title"
          label={t('task.subject')}
          rules={[{ required: true, whitespace: true, max: 120 }]}
        >
          <Input data-testid="task-form-title" />
        </Form.Item>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="source" label={t('sup.source')} style={{ width: 160 }}>
            <Select
              options={TASK_SOURCES.map((s) => ({ value: s, label: t(`task.source.${s}` as MessageKey) }))}
            />
          </Form.Item>
          <Form.Item name="sourceTitle" label={t('task.sourceTitle')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="description" label={t('task.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="projectId" label={t('task.project')}>
          <ProjectSelect data-testid="task-form-project" />
        </Form.Item>
        <Form.Item name="leadDepartmentId" label={t('sup.leadUnit')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={options} data-testid="task-form-lead" />
        </Form.Item>
        <Form.Item name="cooperatingDepartmentIds" label={t('sup.coUnits')}>
          <Select mode="multiple" optionFilterProp="label" options={options} />
        </Form.Item>
        <Space style={{ width: '100%' }} size={16}>
          <Form.Item name="leaderName" label={t('sup.leader')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="deadline" label={t('sup.deadline')}>
            <DatePicker data-testid="task-form-deadline" />
          </Form.Item>
        </Space>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t('task.milestone')} data-testid="task-form-milestone-name" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'plannedDate']} rules={[{ required: true }]}>
                    <DatePicker placeholder={t('task.planned')} data-testid="task-form-milestone-date" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add()}
                data-testid="task-form-add-milestone"
              >
                {t('task.addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
