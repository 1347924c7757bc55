import { Alert, App, AutoComplete, Form, InputNumber, Modal, Segmented, Select } from 'antd';
import { useMemo, useState } from 'react';
import {
  TARGET_METRIC_INFO,
  TARGET_METRICS,
  TARGET_UNIT_TYPES,
  type TargetMetric,
  type TargetUnitType,
} from '../../../../../shared/src/dispatch';
import { MoneyInput, moneyRule, moneyToYuan, yuanToMoneyText } from '../../../components/money-input';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../locales/i18n-context';
import { type TargetUnit, useSetTargets, useTargetUnits } from '../api/use-targets';

/** Form values: money metrics as typed text (5.6亿, 4000万), counts as numbers; empty = no target. */
type Values = { year: number; unitKey: string } & Partial<Record<TargetMetric, string | number | null>>;

/**
 * 设置目标: a unit's annual targets for a year. A new target picks the year, the kind of unit and
 * the unit; an existing one (`editing`) keeps them and changes the six measures. Clearing a measure
 * removes its target (the server records each change in the audit log).
 */
export function TargetEditorModal({
  year,
  editing,
  initialType,
  onClose,
}: {
  year: number;
  editing: TargetUnit | null;
  initialType: TargetUnitType;
  onClose: () => void;
}) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [type, setType] = useState<TargetUnitType>(editing?.unitType ?? initialType);
  const [noValue, setNoValue] = useState(false);
  const units = useTargetUnits(true);
  const save = useSetTargets();
  const options = useMemo(
    () =>
      (units.data?.items ?? [])
        .filter((u) => u.unitType === type)
        .map((u) => ({ value: u.unitKey, label: u.unitName })),
    [units.data, type],
  );
  const initialValues = useMemo(() => {
    const v: Values = { year, unitKey: editing?.unitKey ?? '' };
    for (const m of editing?.metrics ?? []) {
      if (m.target === null) continue;
      v[m.metric] = TARGET_METRIC_INFO[m.metric].money ? yuanToMoneyText(m.target) : m.target;
    }
    return v;
  }, [editing, year]);

  const onOk = async () => {
    const v = await form.validateFields();
    const values: Partial<Record<TargetMetric, number | null>> = {};
    for (const m of TARGET_METRICS) {
      const raw = v[m];
      values[m] = TARGET_METRIC_INFO[m].money
        ? moneyToYuan(typeof raw === 'string' ? raw : null)
        : typeof raw === 'number'
          ? raw
          : null;
    }
    if (!editing && Object.values(values).every((x) => x === null)) {
      setNoValue(true);
      return;
    }
    const unitKey = v.unitKey.trim();
    try {
      await save.mutateAsync({
        year: v.year,
        unitType: type,
        unitKey,
        // Parks are free names; other units are named by their record on the server.
        ...(type === 'park' ? { unitName: unitKey } : {}),
        values,
      });
      message.success(t('target.saved'));
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, pick)) message.error(errorText(err, pick));
    }
  };

  return (
    <Modal
      open
      title={editing ? `${t('target.edit')}：${editing.unitName}` : t('target.set')}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'target-save' } as never}
      width={620}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 8 }}
        initialValues={initialValues}
        onValuesChange={() => setNoValue(false)}
        data-testid="target-form"
      >
        <Form.Item name="year" label={t('cockpit.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} disabled={!!editing} data-testid="target-year" />
        </Form.Item>
        <Form.Item label={t('target.unitType')}>
          <Segmented
            value={type}
            disabled={!!editing}
            onChange={(k) => {
              setType(k as TargetUnitType);
              form.setFieldValue('unitKey', '');
            }}
            options={TARGET_UNIT_TYPES.map((k) => ({ value: k, label: t(`target.unitType.${k}`) }))}
            data-testid="target-unit-type"
          />
        </Form.Item>
        <Form.Item
          name="unitKey"
          label={t('target.unit')}
          rules={[{ required: true, whitespace: true, message: t('target.pickUnit') }]}
          extra={type === 'park' ? t('target.parkHint') : undefined}
        >
          {type === 'park' ? (
            <AutoComplete
              options={options}
              disabled={!!editing}
              filterOption={(input, o) => String(o?.value ?? '').includes(input)}
              placeholder={t('target.pickUnit')}
              data-testid="target-unit"
            />
          ) : (
            <Select
              options={options}
              disabled={!!editing}
              loading={units.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('target.pickUnit')}
              data-testid="target-unit"
            />
          )}
        </Form.Item>
        {TARGET_METRICS.map((m) => {
          const info = TARGET_METRIC_INFO[m];
          const label = lang === 'zh' ? info.zh : info.en;
          return info.money ? (
            <Form.Item key={m} name={m} label={label} rules={[moneyRule(pick)]}>
              <MoneyInput data-testid={`target-value-${m}`} />
            </Form.Item>
          ) : (
            <Form.Item key={m} name={m} label={label}>
              <InputNumber
                min={0}
                precision={0}
                style={{ width: '100%' }}
                placeholder={t('target.noTarget')}
                data-testid={`target-value-${m}`}
              />
            </Form.Item>
          );
        })}
        {noValue ? <Alert type="warning" showIcon title={t('target.needValue')} /> : null}
      </Form>
    </Modal>
  );
}
