import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { ZONE_TIME_ZONE, zoneDayBoundary } from '../../../lib/date-format';
import { useI18n } from '../../../locales/i18n-context';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditQuery } from '../api/use-audit-log';
import './audit-messages';

export type AuditFilters = Pick<AuditQuery, 'actor' | 'entity' | 'action' | 'from' | 'to'>;

interface FilterValues {
  actor?: string;
  entity?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The form's values for filters read from the address (the range as zone-local days). */
function formValuesOf(f: AuditFilters): FilterValues {
  const day = (iso: string | undefined) => (iso ? dayjs(iso).tz(ZONE_TIME_ZONE) : null);
  return {
    actor: f.actor,
    entity: f.entity,
    action: f.action,
    range: f.from || f.to ? [day(f.from), day(f.to)] : null,
  };
}

/** Actor, entity, action and a range of zone-local days; applied on submit. */
export function AuditFilterBar({
  initial,
  onChange,
}: {
  initial: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<FilterValues>();

  const handleFinish = (values: FilterValues) => {
    const [start, end] = values.range ?? [null, null];
    onChange({
      actor: values.actor?.trim() || undefined,
      entity: values.entity || undefined,
      action: values.action?.trim() || undefined,
      from: start ? zoneDayBoundary(start, 'start') : undefined,
      to: end ? zoneDayBoundary(end, 'end') : undefined,
    });
  };
  const handleReset = () => {
    form.resetFields();
    onChange({});
  };

  return (
    <Form
      form={form}
      layout="inline"
      initialValues={formValuesOf(initial)}
      onFinish={handleFinish}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input
          allowClear
          placeholder={t('audit.actorPlaceholder')}
          style={{ width: 180 }}
          maxLength={TEXT_LIMITS.handle}
        />
      </Form.Item>
      <Form.Item name="entity" label={t('audit.entity')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 150 }}
          options={AUDIT_ENTITIES.map((entity) => ({ value: entity, label: t(`entity.${entity}`) }))}
        />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <AutoComplete
          allowClear
          placeholder={t('audit.actionPlaceholder')}
          style={{ width: 190 }}
          maxLength={TEXT_LIMITS.handle}
          // The stored action codes are English; the list names them in the UI's language too.
          options={AUDIT_ACTIONS.map((action) => ({
            value: action,
            label: `${t(`audit.actionName.${action}`)}（${action}）`,
          }))}
          showSearch={{
            filterOption: (input, option) =>
              String(option?.label ?? '')
                .toLowerCase()
                .includes(input.trim().toLowerCase()),
          }}
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.range')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button onClick={handleReset}>{t('common.reset')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
