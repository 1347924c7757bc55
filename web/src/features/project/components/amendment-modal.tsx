import { Form, Input, Select } from 'antd';
import { MEASURE_LABELS } from '../../../../../shared/src/agreement';
import { FormModal } from '../../../components/form-modal';
import { useI18n } from '../../../locales/i18n-context';
import { type Agreement, useAmendAgreement } from '../api/use-agreements';
import { CommitmentRows, type CommitmentValues, rowToInput } from './commitment-rows';

interface Values {
  agreementId: string;
  date: string;
  reason: string;
  changes: CommitmentValues[];
}

/** 修订: a change to the promises with its date and reason; the replaced commitment stays as history. */
export function AmendmentModal({
  projectId,
  agreements,
  onClose,
}: {
  projectId: string;
  agreements: Agreement[];
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const amend = useAmendAgreement(projectId);
  const agreementId = Form.useWatch('agreementId', form) ?? agreements[0]?.id;
  const current = agreements.find((a) => a.id === agreementId);
  const replaceOptions = (current?.commitments ?? []).map((c) => ({
    value: c.id,
    label: `${c.dueYear} ${pick(MEASURE_LABELS[c.measure])}`,
  }));

  return (
    <FormModal<Values>
      form={form}
      title={t('agreement.amend')}
      width={860}
      initialValues={{ agreementId: agreements[0]?.id, changes: [] }}
      pending={amend.isPending}
      savedText={t('agreement.saved')}
      onClose={onClose}
      save={(v) =>
        amend.mutateAsync({
          agreementId: v.agreementId,
          body: {
            date: v.date,
            reason: v.reason,
            changes: (v.changes ?? []).map((row) => ({
              ...rowToInput(row),
              commitmentId: row.commitmentId ?? null,
            })),
          },
        })
      }
    >
      <Form.Item name="agreementId" label={t('agreement.agreement')} rules={[{ required: true }]}>
        <Select options={agreements.map((a) => ({ value: a.id, label: a.number }))} />
      </Form.Item>
      <Form.Item name="date" label={t('agreement.amendDate')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="reason" label={t('agreement.amendReason')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label={t('agreement.commitments')}>
        <CommitmentRows name="changes" replaceOptions={replaceOptions} />
      </Form.Item>
    </FormModal>
  );
}
