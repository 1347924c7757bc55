import { App, Form, Input, Modal } from 'antd';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { usePhoneModalProps } from '../../../lib/use-is-phone';
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
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const phoneModal = usePhoneModalProps();
  const create = useCreateAgreement(projectId);

  const submit = async (v: Values) => {
    try {
      await create.mutateAsync({
        number: v.number,
        signedDate: v.signedDate,
        zoneParty: v.zoneParty,
        signingCompany: v.signingCompany,
        note: v.note || null,
        commitments: (v.commitments ?? []).map(rowToInput),
      });
      message.success(t('agreement.saved'));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
    }
  };

  return (
    <Modal
      open
      title={t('agreement.new')}
      width={760}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      {...phoneModal}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ commitments: [{ measure: 'totalInvestment', dueYear: new Date().getFullYear() }] }}
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
      </Form>
    </Modal>
  );
}
