import { Form, Input, InputNumber, Select } from 'antd';
import {
  ACTUAL_MEASURES,
  ACTUAL_PERIODS,
  ACTUAL_SOURCES,
  type ActualMeasure,
  type ActualPeriod,
  type ActualSource,
  MEASURE_LABELS,
  MEASURE_UNIT,
  SOURCE_LABELS,
} from '../../../../../shared/src/agreement';
import { FormModal } from '../../../components/form-modal';
import { useI18n } from '../../../locales/i18n-context';
import { useAddActual } from '../api/use-agreements';

interface Values {
  year: number;
  period: ActualPeriod;
  measure: ActualMeasure;
  value: number;
  source: ActualSource;
  confirmedBy?: string;
  note?: string;
}

/** 录入实际: one figure with its source (money typed in 万元, like the statistics tables). */
export function ActualFormModal({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const add = useAddActual(projectId);
  const measure = Form.useWatch('measure', form) ?? 'output';
  const unit = MEASURE_UNIT[measure];
  const inWan = unit === 'yuan' || unit === 'yuanPerMu';

  return (
    <FormModal<Values>
      form={form}
      title={t('agreement.addActual')}
      initialValues={{
        year: new Date().getFullYear() - 1,
        period: 'Y',
        measure: 'output',
        source: 'officer',
      }}
      pending={add.isPending}
      savedText={t('agreement.saved')}
      onClose={onClose}
      save={(v) =>
        add.mutateAsync({
          year: v.year,
          period: v.period,
          measure: v.measure,
          value: inWan ? v.value * 10_000 : v.value,
          source: v.source,
          confirmedBy: v.confirmedBy || null,
          note: v.note || null,
        })
      }
    >
      <Form.Item name="year" label={t('agreement.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="period" label={t('agreement.period')}>
        <Select
          options={ACTUAL_PERIODS.map((p) => ({
            value: p,
            label: p === 'Y' ? t('agreement.periodYear') : p,
          }))}
        />
      </Form.Item>
      <Form.Item name="measure" label={t('agreement.measure')} rules={[{ required: true }]}>
        <Select options={ACTUAL_MEASURES.map((m) => ({ value: m, label: pick(MEASURE_LABELS[m]) }))} />
      </Form.Item>
      <Form.Item name="value" label={t('agreement.value')} rules={[{ required: true }]}>
        <InputNumber min={0} addonAfter={t(`agreement.unit.${unit === 'date' ? 'yuan' : unit}`)} />
      </Form.Item>
      <Form.Item name="source" label={t('agreement.source')} rules={[{ required: true }]}>
        <Select options={ACTUAL_SOURCES.map((s) => ({ value: s, label: pick(SOURCE_LABELS[s]) }))} />
      </Form.Item>
      <Form.Item name="confirmedBy" label={t('agreement.confirmedBy')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="note" label={t('agreement.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
