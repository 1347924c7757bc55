import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInShanghai } from '../../../../../shared/src/dates';
import {
  canMove,
  PROJECT_STAGE_LIMITS,
  PROJECT_STAGES,
  type ProjectStage,
  type ProjectStageFacts,
  projectStageLabel,
} from '../../../../../shared/src/project-stage';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../locales/i18n-context';
import { type Project, useMoveStage } from '../api/use-projects';

const HARD_REFUSALS: ReadonlySet<string> = new Set(['final', 'resume_elsewhere', 'paused_stage_unknown']);

interface StageMoveValues {
  to?: ProjectStage;
  date: Dayjs;
  reason?: string;
}

/** What the stage machine needs to know, read from the project (the move's date stands in for 开工). */
function factsOf(project: Project, date: string): ProjectStageFacts {
  return {
    landAreaMu: project.landMu,
    startDate: project.startDate ?? date,
    capacity: {
      quantity: project.capacityQuantity,
      unit: project.capacityUnit,
      product: project.capacityProduct,
    },
    pausedFrom:
      project.stage === 'paused' ? (project.pausedFromStage as ProjectStageFacts['pausedFrom']) : null,
  };
}

/** The next stage on the path, or where a paused project resumes: the sensible default target. */
function defaultTarget(project: Project): ProjectStage | undefined {
  if (project.stage === 'paused') return project.pausedFromStage ?? undefined;
  const order = PROJECT_STAGES.find((stage) => stage.key === project.stage)?.order;
  return PROJECT_STAGES.find((stage) => order && stage.order === order + 1)?.key;
}

/**
 * 推进阶段: pick the stage, the date it happened and (when moving back, pausing or cancelling) a
 * reason. The shared stage machine warns early; the server decides, and its refusal names what is
 * missing.
 */
export function StageMoveModal({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<StageMoveValues>();
  const move = useMoveStage(project.id);
  const to = Form.useWatch('to', form);
  const date = Form.useWatch('date', form);
  const day = (date ?? dayjs(todayInShanghai())).format('YYYY-MM-DD');
  const facts = factsOf(project, day);
  const withoutReason = to ? canMove(project.stage, to, facts) : null;
  const withReason = to ? canMove(project.stage, to, facts, { reason: 'x' }) : null;
  const needsReason = withoutReason !== null && !withoutReason.ok && withoutReason.code === 'reason_required';
  const warning = withReason !== null && !withReason.ok ? withReason.message : null;
  const refused = move.error instanceof ApiError ? move.error : null;
  // The refusal's message usually names the missing fields already; list only what it does not say.
  const extraFields = refused
    ? refused.fields.filter((field) => !pick(refused.text).includes(pick(field.message)))
    : [];

  // Moves no data entry can make possible are disabled; missing fields only warn (the server decides).
  const options = PROJECT_STAGES.filter((stage) => stage.key !== project.stage).map((stage) => {
    const result = canMove(project.stage, stage.key, facts, { reason: 'x' });
    return { value: stage.key, label: pick(stage), disabled: !result.ok && HARD_REFUSALS.has(result.code) };
  });

  return (
    <Modal
      open
      title={t('project.moveStage')}
      okText={t('project.moveStageSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      okButtonProps={{ 'data-testid': 'stage-move-submit' } as Record<string, string>}
    >
      <Typography.Paragraph>
        {t('project.currentStage')}: <strong>{pick(projectStageLabel(project.stage))}</strong>
        {project.stageDate ? ` (${project.stageDate})` : ''}
      </Typography.Paragraph>
      {refused ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="stage-move-refused"
          title={pick(refused.text)}
          description={
            extraFields.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {extraFields.map((field) => (
                  <li key={field.path}>{pick(field.message)}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : warning ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={pick(warning)} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        data-testid="stage-move-form"
        initialValues={{ to: defaultTarget(project), date: dayjs(todayInShanghai()) }}
        onFinish={(values) => {
          if (!values.to) return;
          move.mutate(
            {
              to: values.to,
              date: values.date.format('YYYY-MM-DD'),
              reason: values.reason?.trim() || null,
              version: project.version,
            },
            { onSuccess: onClose },
          );
        }}
      >
        <Form.Item name="to" label={t('project.targetStage')} rules={[{ required: true }]}>
          <Select options={options} data-testid="stage-move-target" />
        </Form.Item>
        <Form.Item name="date" label={t('project.stageDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pipeline.reason')}
          extra={needsReason && withoutReason && !withoutReason.ok ? pick(withoutReason.message) : undefined}
          rules={[{ required: needsReason, whitespace: true, message: t('pipeline.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={PROJECT_STAGE_LIMITS.reasonMaxLength}
            showCount
            data-testid="stage-move-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
