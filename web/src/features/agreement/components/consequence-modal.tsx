import { App, Form, Input, Modal, Select } from 'antd';
import { CONSEQUENCE_KINDS, type ConsequenceKind, MEASURE_LABELS } from '../../../../../shared/src/agreement';
import { todayInShanghai } from '../../../../../shared/src/dates';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { usePhoneModalProps } from '../../../lib/use-is-phone';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const phoneModal = usePhoneModalProps();
  const record = useRecordAction();
  const kind = Form.useWatch('kind', form);

  const submit = async (v: Values) => {
    try {
      await record.mutateAsync({
        agreementId: item.agreementId,
        body: {
          kind: v.kind,
          date: v.date,
          commitmentId: item.commitmentId,
          note: v.note?.trim() || null,
          newDueDate: v.kind === 'extension_granted' ? (v.newDueDate ?? null) : null,
        },
      });
      message.success(t('compliance.actSaved'));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
    }
  };

  return (
    <Modal
      open
      title={`${t('compliance.actTitle')} · ${item.projectName} · ${pick(MEASURE_LABELS[item.measure])}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      destroyOnHidden
      {...phoneModal}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'interview', date: todayInShanghai(new Date()) }}
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
      </Form>
    </Modal>
  );
}
