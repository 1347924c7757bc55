import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  REQUEST_DEFAULT_DAYS,
  REQUEST_LIMITS,
  REQUEST_STATUS_LABELS,
  type RequestStatus,
} from '../../../../../shared/src/request-status';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { useDepartments } from '../../../lib/use-departments';
import { useI18n } from '../../../locales/i18n-context';
import { type FactorRequest, useAssignRequest, useMoveRequest } from '../api/use-requests';

/** 交办: pick the department and the deadline (the type's default when left empty). */
export function AssignModal({ request, onClose }: { request: FactorRequest; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ departmentId: string; deadline?: Dayjs | null; reason?: string }>();
  const departments = useDepartments();
  const assign = useAssignRequest(request.id);
  const reassigning = request.status !== 'submitted';
  const refused = assign.error instanceof ApiError ? assign.error : null;
  return (
    <Modal
      open
      title={reassigning ? t('request.reassign') : t('request.assignTitle')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      okButtonProps={{ 'data-testid': 'request-assign-submit' } as Record<string, string>}
    >
      {refused ? (
        <Alert type="error" showIcon title={pick(refused.text)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ departmentId: request.departmentId ?? undefined }}
        onFinish={(v) =>
          assign.mutate(
            {
              departmentId: v.departmentId,
              deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
              reason: v.reason?.trim() || null,
              version: request.version,
            },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="departmentId" label={t('request.department')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="request-assign-department"
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('sup.deadline')}
          extra={t('request.assignDeadlineHint', { days: REQUEST_DEFAULT_DAYS[request.type] })}
        >
          <DatePicker style={{ width: '100%' }} data-testid="request-assign-deadline" />
        </Form.Item>
        {reassigning ? (
          <Form.Item
            name="reason"
            label={t('request.reason')}
            rules={[{ required: true, whitespace: true, message: t('request.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={REQUEST_LIMITS.reasonMaxLength} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** Accept, resolve, confirm, reopen or reject, with the reason or resolution the move needs. */
export function MoveModal({
  request,
  to,
  needsReason,
  onClose,
}: {
  request: FactorRequest;
  to: RequestStatus;
  needsReason: boolean;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const move = useMoveRequest(request.id);
  const refused = move.error instanceof ApiError ? move.error : null;
  // Accepting or confirming needs no reason: the field there is an optional note, labelled so.
  const label =
    to === 'resolved' ? t('request.resolution') : needsReason ? t('request.reason') : t('menus.moveNote');
  return (
    <Modal
      open
      title={t('request.moveTo', { status: pick(REQUEST_STATUS_LABELS[to]) })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      okButtonProps={{ 'data-testid': 'request-move-submit' } as Record<string, string>}
    >
      <Typography.Paragraph>
        {request.code} {request.title}
      </Typography.Paragraph>
      {refused ? (
        <Alert type="error" showIcon title={pick(refused.text)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          move.mutate(
            { to, reason: v.reason?.trim() || null, version: request.version },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => {
                if (!(error instanceof ApiError)) message.error(errorText(error, pick));
              },
            },
          )
        }
      >
        {needsReason || to === 'confirmed' || to === 'accepted' ? (
          <Form.Item
            name="reason"
            label={label}
            rules={[
              {
                required: needsReason,
                whitespace: true,
                message: to === 'resolved' ? t('request.resolutionRequired') : t('request.reasonRequired'),
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={REQUEST_LIMITS.reasonMaxLength}
              showCount
              data-testid="request-move-reason"
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
