import { useQuery } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import {
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  type RequestType,
} from '../../../../../shared/src/request-status';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { ApiError, api, type ListResult } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../locales/i18n-context';
import { useCreateRequest } from '../api/use-requests';

interface Values {
  projectId: string;
  type: RequestType;
  title: string;
  description?: string;
  neededBy?: Dayjs | null;
}

/** Raise a factor request on a project (an enterprise sees only its own projects here). */
export function RequestFormModal({ onClose, projectId }: { onClose: () => void; projectId?: string }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateRequest();
  const projects = useQuery({
    queryKey: ['projects', 'options'],
    queryFn: ({ signal }) =>
      api.get<ListResult<{ id: string; name: string; code: string }>>(
        '/api/projects',
        { limit: 200, offset: 0 },
        signal,
      ),
  });
  const refused = create.error instanceof ApiError && create.error.fields.length === 0 ? create.error : null;
  return (
    <Modal
      open
      title={t('request.new')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'request-form-submit' } as Record<string, string>}
    >
      {refused ? (
        <Alert type="error" showIcon title={pick(refused.text)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ projectId, type: 'power' }}
        onFinish={(v) =>
          create.mutate(
            {
              projectId: v.projectId,
              type: v.type,
              title: v.title.trim(),
              description: v.description?.trim() || null,
              neededBy: v.neededBy ? v.neededBy.format('YYYY-MM-DD') : null,
            },
            {
              onSuccess: (r) => {
                message.success(t('common.saved'));
                onClose();
                navigate(`/requests/${r.id}`);
              },
              onError: (error) => applyFieldErrors(form, error, pick),
            },
          )
        }
      >
        <Form.Item name="projectId" label={t('request.project')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={projects.isPending}
            data-testid="request-form-project"
            options={(projects.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}（${p.code}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="type" label={t('request.type')} rules={[{ required: true }]}>
          <Select
            data-testid="request-form-type"
            options={REQUEST_TYPES.map((k) => ({ value: k, label: pick(REQUEST_TYPE_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('request.subject')}
          rules={[{ required: true, whitespace: true, max: TEXT_LIMITS.name }]}
        >
          <Input data-testid="request-form-title" />
        </Form.Item>
        <Form.Item name="description" label={t('request.description')}>
          <Input.TextArea rows={3} maxLength={TEXT_LIMITS.long} data-testid="request-form-description" />
        </Form.Item>
        <Form.Item name="neededBy" label={t('request.neededBy')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
