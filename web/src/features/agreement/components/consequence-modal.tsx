import { Form, Input, Select } from 'antd';
import { CONSEQUENCE_KINDS, type ConsequenceKind, MEASURE_LABELS } from '../../../../../shared/src/agreement';
import { todayInShanghai } from '../../../../../shared/src/dates';
import { FormModal } from '../../../components/form-modal';
import { useI18n } from '../../../locales/i18n-context';
import { type ComplianceItem, useRecordAction } from '../api/use-agreement-views';

interface Values {
  kind: ConsequenceKind;
  date: string;
  note?: string;
  newDueDate?: string;
}

/**
 * 处理: what the zone did about a commitment behind (约谈, 暂缓兑现奖励, 追回, 调整地价, 延期 with a
 * new deadline, 发函). Recorded on the agreement (POST /api/agreements/:id/actions) and audited.
 */
export function ConsequenceModal({ item, onClose }: { item: ComplianceItem; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const record = useRecordAction();
  const kind = Form.useWatch('kind', form);

  return (
    <FormModal<Values>
      form={form}
      title={`${t('compliance.actTitle')} · ${item.projectName} · ${pick(MEASURE_LABELS[item.measure])}`}
      initialValues={{ kind: 'interview', date: todayInShanghai(new Date()) }}
      pending={record.isPending}
      savedText={t('compliance.actSaved')}
      onClose={onClose}
      save={(v) =>
        record.mutateAsync({
          agreementId: item.agreementId,
          body: {
            kind: v.kind,
            date: v.date,
            commitmentId: item.commitmentId,
            note: v.note?.trim() || null,
            newDueDate: v.kind === 'extension_granted' ? (v.newDueDate ?? null) : null,
          },
        })
      }
    >
      <Form.Item name="kind" label={t('compliance.actKind')} rules={[{ required: true }]}>
        <Select
          data-testid="consequence-kind"
          options={CONSEQUENCE_KINDS.map((k) => ({ value: k, label: t(`consequence.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="date" label={t('compliance.actDate')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      {kind === 'extension_granted' ? (
        <Form.Item name="newDueDate" label={t('compliance.newDueDate')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('compliance.actNote')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
