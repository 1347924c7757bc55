import { Checkbox, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PROJECT_STAGES } from '../../../../../shared/src/project-stage';
import { MoneyInput, moneyRule, moneyToYuan, yuanToMoneyText } from '../../../components/money-input';
import { useFieldLabel } from '../../../lib/intake-field-label';
import { useI18n } from '../../../locales/i18n-context';
import type { IntakeProposal } from '../api/use-intake';
import '../../../locales/intake.messages';

const MONEY = new Set(['totalInvestment', 'expectedOutput', 'expectedTax', 'estimatedInvestment']);
const NUMBER = new Set(['expectedJobs', 'capacityQuantity']);

type Values = Record<string, string | number | boolean | null | undefined>;

/** Form name of a field's "clear" box (a distinct control: an empty field never clears). */
const CLEAR_PREFIX = 'clear__';

/** The payload's editable fields as a flat form (figures are inside `fields`). */
function editableOf(p: IntakeProposal, payload: Record<string, unknown>): Record<string, unknown> {
  if (p.kind === 'update_project_figures') return { ...((payload.fields ?? {}) as Record<string, unknown>) };
  if (p.kind === 'add_signal_tag') return { tag: payload.tag };
  if (p.kind === 'update_project_stage') return { to: payload.to, date: payload.date };
  const { aliases: _a, ...rest } = payload;
  return rest;
}

/**
 * Edits a proposal before it is applied. The server checks the edit exactly like the matching form
 * (a wrong amount or date comes back as a 400 naming the proposal and the field).
 */
export function ProposalEditModal({
  proposal: p,
  payload,
  onClose,
  onSave,
}: {
  proposal: IntakeProposal;
  payload: Record<string, unknown>;
  onClose: () => void;
  onSave: (payload: Record<string, unknown>) => void;
}) {
  const { t, pick } = useI18n();
  const label = useFieldLabel();
  const [form] = Form.useForm<Values>();
  const editable = editableOf(p, payload);
  const figures = p.kind === 'update_project_figures';
  const wasCleared = new Set(Array.isArray(payload.clear) ? (payload.clear as string[]) : []);
  // Only a value the project holds can be cleared.
  const clearable = (key: string) =>
    figures && p.current?.[key] !== null && p.current?.[key] !== undefined && p.current?.[key] !== '';
  const initial: Values = Object.fromEntries([
    ...Object.entries(editable).map(([k, v]) => [
      k,
      MONEY.has(k) ? yuanToMoneyText(v as number | null) : (v as string),
    ]),
    ...[...wasCleared].map((k) => [`${CLEAR_PREFIX}${k}`, true]),
  ]);

  const handleOk = async () => {
    const values = await form.validateFields();
    const out: Record<string, unknown> = {};
    const clear: string[] = [];
    for (const [k, v] of Object.entries(values)) {
      if (k.startsWith(CLEAR_PREFIX)) {
        if (v === true) clear.push(k.slice(CLEAR_PREFIX.length));
      } else if (MONEY.has(k)) out[k] = moneyToYuan(v as string);
      else if (NUMBER.has(k)) out[k] = v === undefined || v === '' || v === null ? null : Number(v);
      else out[k] = typeof v === 'string' ? v.trim() || null : (v ?? null);
    }
    if (figures) {
      // Empty fields are left out (they keep the stored value); ticked ones go in `clear`.
      const fields = Object.fromEntries(
        Object.entries(out).filter(([k, v]) => v !== null && v !== undefined && !clear.includes(k)),
      );
      const { clear: _old, ...rest } = payload;
      onSave({ ...rest, fields, ...(clear.length > 0 ? { clear } : {}) });
    } else onSave({ ...payload, ...out });
  };

  return (
    <Modal
      open
      title={t('intake.editTitle', { n: p.position })}
      onCancel={onClose}
      onOk={handleOk}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="intake-edit-form">
        {figures ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('intake.clearHint')}
          </Typography.Paragraph>
        ) : null}
        {[...new Set([...Object.keys(editable), ...wasCleared])].map((key) => {
          const clearBox = clearable(key) ? (
            <Form.Item key={`${key}-clear`} name={`${CLEAR_PREFIX}${key}`} valuePropName="checked" noStyle>
              <Checkbox data-testid={`intake-clear-${key}`}>{t('intake.clear')}</Checkbox>
            </Form.Item>
          ) : null;
          const withClear = (item: ReactNode) =>
            clearBox ? (
              <div key={key}>
                {item}
                <div style={{ marginTop: -16, marginBottom: 16 }}>{clearBox}</div>
              </div>
            ) : (
              item
            );
          if (key === 'to') {
            return (
              <Form.Item key={key} name={key} label={label('stage')} rules={[{ required: true }]}>
                <Select
                  options={PROJECT_STAGES.filter((s) => s.order !== null).map((s) => ({
                    value: s.key,
                    label: pick({ zh: s.zh, en: s.en }),
                  }))}
                />
              </Form.Item>
            );
          }
          if (key === 'date' || key === 'nextStepDate') {
            return (
              <Form.Item key={key} name={key} label={label(key)} rules={[{ required: key === 'date' }]}>
                <Input type="date" />
              </Form.Item>
            );
          }
          if (MONEY.has(key)) {
            return withClear(
              <Form.Item key={key} name={key} label={label(key)} rules={[moneyRule(pick)]}>
                <MoneyInput />
              </Form.Item>,
            );
          }
          if (NUMBER.has(key)) {
            return withClear(
              <Form.Item key={key} name={key} label={label(key)}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>,
            );
          }
          const required = key === 'name' || key === 'title' || key === 'tag';
          return withClear(
            <Form.Item key={key} name={key} label={label(key)} rules={[{ required }]}>
              <Input maxLength={key === 'tag' ? 40 : 200} />
            </Form.Item>,
          );
        })}
      </Form>
    </Modal>
  );
}
