import { Form, Input } from 'antd';
import { FormModal } from '../../../components/form-modal';
import { useI18n } from '../../../locales/i18n-context';
import { useCreateAgreement } from '../api/use-agreements';
import { CommitmentRows, type CommitmentValues, rowToInput } from './commitment-rows';

interface Values {
  number: string;
  signedDate: string;
  zoneParty: string;
  signingCompany: string;
  note?: string;
  commitments: CommitmentValues[];
}

/** 新建投资协议: the parties and the promises, each with the year it is due. */
export function AgreementFormModal({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateAgreement(projectId);

  return (
    <FormModal<Values>
      form={form}
      title={t('agreement.new')}
      width={760}
      initialValues={{ commitments: [{ measure: 'totalInvestment', dueYear: new Date().getFullYear() }] }}
      pending={create.isPending}
      savedText={t('agreement.saved')}
      onClose={onClose}
      save={(v) =>
        create.mutateAsync({
          number: v.number,
          signedDate: v.signedDate,
          zoneParty: v.zoneParty,
          signingCompany: v.signingCompany,
          note: v.note || null,
          commitments: (v.commitments ?? []).map(rowToInput),
        })
      }
    >
      <Form.Item name="number" label={t('agreement.number')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="signedDate" label={t('agreement.signedDate')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="zoneParty" label={t('agreement.zoneParty')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="signingCompany" label={t('agreement.signingCompany')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="note" label={t('agreement.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label={t('agreement.commitments')} required>
        <CommitmentRows name="commitments" />
      </Form.Item>
    </FormModal>
  );
}
