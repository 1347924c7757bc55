import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { PROBLEM_SOURCES, type ProblemSource } from '../../../../../shared/src/task-status';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useDepartments } from '../../../lib/use-departments';
import { useI18n } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';
import { useCreateProblemList } from '../api/use-problems';

interface Values {
  title: string;
  source: ProblemSource;
  sourceTitle?: string;
  issuedDate: Dayjs;
  items: Array<{ problem: string; measure: string; departmentId: string; deadline: Dayjs }>;
}

/** A new problem list with its items (问题、整改措施、责任单位、整改时限). */
export function ProblemListFormModal({ onClose }: { onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateProblemList();
  const departments = useDepartments();
  return (
    <Modal
      open
      width={760}
      title={t('problem.new')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ source: 'inspection', issuedDate: dayjs(), items: [{}] }}
        onFinish={(v) =>
          create.mutate(
            {
              title: v.title.trim(),
              source: v.source,
              sourceTitle: v.sourceTitle?.trim() || null,
              issuedDate: v.issuedDate.format('YYYY-MM-DD'),
              items: v.items.map((i) => ({ ...i, deadline: i.deadline.format('YYYY-MM-DD') })),
            },
            {
              onSuccess: (list) => {
                message.success(t('common.saved'));
                onClose();
                navigate(`/problem-lists/${list.id}`);
              },
              onError: (error) => applyFieldErrors(form, error, pick),
            },
          )
        }
      >
        <Form.Item name="title" label={t('problem.list')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="source" label={t('sup.source')}>
          <Select
            options={PROBLEM_SOURCES.map((s) => ({
              value: s,
              label: t(`problem.source.${s}` as MessageKey),
            }))}
          />
        </Form.Item>
        <Form.Item name="sourceTitle" label={t('task.sourceTitle')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="issuedDate" label={t('problem.issued')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  extra={<MinusCircleOutlined onClick={() => remove(field.name)} />}
                >
                  <Form.Item
                    name={[field.name, 'problem']}
                    label={t('problem.problem')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'measure']}
                    label={t('problem.measure')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'departmentId']}
                    label={t('problem.unit')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'deadline']}
                    label={t('problem.deadline')}
                    rules={[{ required: true }]}
                  >
                    <DatePicker />
                  </Form.Item>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('problem.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
