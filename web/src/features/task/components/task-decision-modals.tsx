import { Alert, App, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { CLOSING_GAP_LABELS } from '../../../../../shared/src/closing';
import { TASK_LIMITS } from '../../../../../shared/src/task-status';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../locales/i18n-context';
import { type TaskDetail, useDecideTask, useProposeTask, useReportProgress } from '../api/use-tasks';

/** What the task still lacks before it may be closed (every node done, 100%, evidence). */
function ClosingGaps({ task }: { task: TaskDetail }) {
  const { t, pick } = useI18n();
  if (task.closingGaps.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="task-closing-gaps"
      title={t('task.closingGaps')}
      description={task.closingGaps.map((g) => pick(CLOSING_GAP_LABELS[g])).join('；')}
    />
  );
}

function Refusal({ error }: { error: unknown }) {
  const { pick } = useI18n();
  return error instanceof ApiError ? (
    <Alert type="error" showIcon title={pick(error.text)} style={{ marginBottom: 16 }} />
  ) : null;
}

/** 填报进展 for this month: text and percentage (replaces the unit's report for the month). */
export function ReportModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ content: string; percent?: number }>();
  const report = useReportProgress(task.id);
  return (
    <Modal
      open
      title={t('task.report')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={report.isPending}
      okButtonProps={{ 'data-testid': 'task-report-submit' } as Record<string, string>}
    >
      <Refusal error={report.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ percent: task.progress ?? 0 }}
        onFinish={(v) =>
          report.mutate(
            { content: v.content.trim(), percent: v.percent ?? null },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="content" label={t('task.content')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea
            rows={3}
            maxLength={TASK_LIMITS.evidenceMaxLength}
            data-testid="task-report-content"
          />
        </Form.Item>
        <Form.Item name="percent" label={t('task.percent')}>
          <InputNumber min={0} max={100} data-testid="task-report-percent" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 申请销号: the lead unit's claim, with its evidence. */
export function ProposeModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ evidence: string }>();
  const propose = useProposeTask(task.id);
  return (
    <Modal
      open
      title={t('task.propose')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={propose.isPending}
      okButtonProps={{ 'data-testid': 'task-propose-submit' } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">{t('task.proposeHint')}</Typography.Paragraph>
      <ClosingGaps task={task} />
      <Refusal error={propose.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          propose.mutate(
            { evidence: v.evidence.trim(), version: task.version },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="evidence" label={t('sup.evidence')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea
            rows={4}
            maxLength={TASK_LIMITS.evidenceMaxLength}
            data-testid="task-propose-evidence"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 销号 or send back, by the 督查室 or a leader outside the lead unit (decision 013). */
export function DecideModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [decision, setDecision] = useState<'close' | 'return'>('close');
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecideTask(task.id);
  return (
    <Modal
      open
      title={t('task.decide')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      okButtonProps={{ 'data-testid': 'task-decide-submit' } as Record<string, string>}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{t('sup.evidence')}：</Typography.Text>
        {task.evidence}
      </Typography.Paragraph>
      <ClosingGaps task={task} />
      <Refusal error={decide.error} />
      <Radio.Group
        value={decision}
        onChange={(e) => setDecision(e.target.value)}
        style={{ marginBottom: 16 }}
        data-testid="task-decision"
        options={[
          { value: 'close', label: t('task.close') },
          { value: 'return', label: t('task.return') },
        ]}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          decide.mutate(
            { decision, note: v.note?.trim() || null, version: task.version },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="note"
          label={decision === 'close' ? t('task.closeNote') : t('task.returnReason')}
          rules={[{ required: decision === 'return', whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={TASK_LIMITS.reasonMaxLength} data-testid="task-decide-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
