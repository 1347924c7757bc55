import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import {
  COMMITMENT_MEASURES,
  type CommitmentMeasure,
  isDeadline,
  MEASURE_LABELS,
  MEASURE_UNIT,
  type MeasureUnit,
} from '../../../../../shared/src/agreement';
import type { CommitmentInput } from '../../../../../shared/src/contract/agreement';
import { useI18n } from '../../../locales/i18n-context';

/** One commitment row as the form holds it: money in 万元 (the way agreements are written). */
export interface CommitmentValues {
  commitmentId?: string;
  measure: CommitmentMeasure;
  value?: number;
  dueYear: number;
  dueDate?: string;
}

/** 万元 in the form, yuan in the API. */
const WAN_UNITS: readonly MeasureUnit[] = ['yuan', 'yuanPerMu'];

export function rowToInput(row: CommitmentValues): CommitmentInput {
  if (isDeadline(row.measure))
    return { measure: row.measure, dueYear: Number(row.dueDate?.slice(0, 4)), dueDate: row.dueDate ?? null };
  const scale = WAN_UNITS.includes(MEASURE_UNIT[row.measure]) ? 10_000 : 1;
  return { measure: row.measure, dueYear: row.dueYear, value: (row.value ?? 0) * scale };
}

/** The 承诺事项 rows of an agreement or an amendment: measure, value (or deadline date) and due year. */
export function CommitmentRows({
  name,
  replaceOptions,
}: {
  name: string;
  /** For an amendment: the commitments in force one row may replace. */
  replaceOptions?: { value: string; label: string }[];
}) {
  const { t, pick } = useI18n();
  const unitOf = (m: CommitmentMeasure | undefined) => {
    const unit = m ? MEASURE_UNIT[m] : 'yuan';
    return unit === 'date' ? '' : t(`agreement.unit.${unit}`);
  };
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} wrap align="start" style={{ marginBottom: 4 }}>
              {replaceOptions ? (
                <Form.Item name={[field.name, 'commitmentId']} style={{ marginBottom: 4 }}>
                  <Select
                    allowClear
                    placeholder={t('agreement.replacesNone')}
                    options={replaceOptions}
                    style={{ width: 200 }}
                  />
                </Form.Item>
              ) : null}
              <Form.Item
                name={[field.name, 'measure']}
                rules={[{ required: true }]}
                style={{ marginBottom: 4 }}
              >
                <Select
                  style={{ width: 140 }}
                  aria-label={t('agreement.measure')}
                  options={COMMITMENT_MEASURES.map((m) => ({ value: m, label: pick(MEASURE_LABELS[m]) }))}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[[name, field.name, 'measure']]}>
                {({ getFieldValue }) => {
                  const measure = getFieldValue([name, field.name, 'measure']) as
                    | CommitmentMeasure
                    | undefined;
                  return measure && isDeadline(measure) ? (
                    <Form.Item
                      name={[field.name, 'dueDate']}
                      rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
                      style={{ marginBottom: 4 }}
                    >
                      <Input type="date" aria-label={t('agreement.dueDate')} style={{ width: 160 }} />
                    </Form.Item>
                  ) : (
                    <Space>
                      <Form.Item
                        name={[field.name, 'value']}
                        rules={[{ required: true }]}
                        style={{ marginBottom: 4 }}
                      >
                        <InputNumber
                          min={0}
                          addonAfter={unitOf(measure)}
                          placeholder={t('agreement.value')}
                          style={{ width: 170 }}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'dueYear']}
                        rules={[{ required: true }]}
                        style={{ marginBottom: 4 }}
                      >
                        <InputNumber
                          min={2000}
                          max={2100}
                          placeholder={t('agreement.dueYear')}
                          style={{ width: 100 }}
                        />
                      </Form.Item>
                    </Space>
                  );
                }}
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ measure: 'totalInvestment', dueYear: new Date().getFullYear() })}
          >
            {t('agreement.addCommitment')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
