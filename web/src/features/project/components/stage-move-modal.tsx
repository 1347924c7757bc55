import { Alert, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { StageFillBody } from '../../../../../shared/src/contract/project';
import { todayInShanghai } from '../../../../../shared/src/dates';
import {
  canMove,
  PROJECT_STAGE_LIMITS,
  PROJECT_STAGES,
  type ProjectStage,
  type ProjectStageFacts,
  type ProjectStageField,
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
  /** 补填: the fields the move needs, typed here and sent with it. */
  landMu?: number | null;
  startDate?: Dayjs | null;
  capacityQuantity?: number | null;
  capacityUnit?: string | null;
  capacityProduct?: string | null;
}

type Fill = Pick<
  StageMoveValues,
  'landMu' | 'startDate' | 'capacityQuantity' | 'capacityUnit' | 'capacityProduct'
>;

const text = (value: string | null | undefined) => value?.trim() || null;

/**
 * What the stage machine needs to know, read from the project and what the dialog filled in (the
 * move's date stands in for 开工).
 */
function factsOf(project: Project, date: string, fill: Fill = {}): ProjectStageFacts {
  return {
    landAreaMu: project.landMu ?? fill.landMu ?? null,
    startDate: project.startDate ?? fill.startDate?.format('YYYY-MM-DD') ?? date,
    capacity: {
      quantity: project.capacityQuantity ?? fill.capacityQuantity ?? null,
      unit: project.capacityUnit ?? text(fill.capacityUnit),
      product: project.capacityProduct ?? text(fill.capacityProduct),
    },
    pausedFrom:
      project.stage === 'paused' ? (project.pausedFromStage as ProjectStageFacts['pausedFrom']) : null,
  };
}

/** The `fill` of the move: only the fields it needs, only what was typed (a move never clears a field). */
function fillOf(values: StageMoveValues, needed: readonly ProjectStageField[]) {
  const fill: StageFillBody = {};
  if (needed.includes('landAreaMu') && typeof values.landMu === 'number') fill.landMu = values.landMu;
  if (needed.includes('startDate') && values.startDate)
    fill.startDate = values.startDate.format('YYYY-MM-DD');
  if (needed.includes('capacity')) {
    if (typeof values.capacityQuantity === 'number') fill.capacityQuantity = values.capacityQuantity;
    const unit = text(values.capacityUnit);
    const product = text(values.capacityProduct);
    if (unit) fill.capacityUnit = unit;
    if (product) fill.capacityProduct = product;
  }
  return fill;
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
  const fill: Fill = {
    landMu: Form.useWatch('landMu', form),
    startDate: Form.useWatch('startDate', form),
    capacityQuantity: Form.useWatch('capacityQuantity', form),
    capacityUnit: Form.useWatch('capacityUnit', form),
    capacityProduct: Form.useWatch('capacityProduct', form),
  };
  // The fields to offer are those the project itself lacks for this move; what is typed then counts.
  const bare = to ? canMove(project.stage, to, factsOf(project, day), { reason: 'x' }) : null;
  const needed: readonly ProjectStageField[] = bare && !bare.ok ? (bare.missingFields ?? []) : [];
  const facts = factsOf(project, day, fill);
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
              ...(needed.length > 0 ? { fill: fillOf(values, needed) } : {}),
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
        {needed.length > 0 ? (
          <Card
            size="small"
            title={t('stageFill.title')}
            style={{ marginBottom: 16 }}
            data-testid="stage-fill"
          >
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('stageFill.hint')}
            </Typography.Paragraph>
            {needed.includes('landAreaMu') ? (
              <Form.Item name="landMu" label={t('project.landMu')} rules={[{ required: true }]}>
                <InputNumber
                  min={0}
                  max={1_000_000}
                  style={{ width: '100%' }}
                  data-testid="stage-fill-landMu"
                />
              </Form.Item>
            ) : null}
            {needed.includes('startDate') ? (
              <Form.Item name="startDate" label={t('project.startDate')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} data-testid="stage-fill-startDate" />
              </Form.Item>
            ) : null}
            {needed.includes('capacity') ? (
              <Form.Item label={t('project.capacity')} extra={t('project.capacityHint')} required>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="capacityQuantity" noStyle rules={[{ required: true }]}>
                    <InputNumber
                      min={0}
                      placeholder={t('project.capacityQuantity')}
                      style={{ width: '30%' }}
                      data-testid="stage-fill-capacityQuantity"
                    />
                  </Form.Item>
                  <Form.Item name="capacityUnit" noStyle rules={[{ required: true, whitespace: true }]}>
                    <Input
                      placeholder={t('project.capacityUnitPlaceholder')}
                      style={{ width: '30%' }}
                      maxLength={20}
                      data-testid="stage-fill-capacityUnit"
                    />
                  </Form.Item>
                  <Form.Item name="capacityProduct" noStyle rules={[{ required: true, whitespace: true }]}>
                    <Input
                      placeholder={t('project.capacityProductPlaceholder')}
                      style={{ width: '40%' }}
                      maxLength={100}
                      data-testid="stage-fill-capacityProduct"
                    />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            ) : null}
          </Card>
        ) : null}
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
