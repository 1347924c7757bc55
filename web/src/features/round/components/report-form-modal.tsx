import { PlusOutlined } from '@ant-design/icons';
import { App, Form, Input, InputNumber, Modal, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../lib/error-text';
import { useI18n } from '../../../locales/i18n-context';
import { fileToBase64, type RoundProject, useSubmitReport } from '../api/use-rounds';

const WAN = 10_000;

interface Values {
  investmentWan: number;
  fundsWan: number;
  narrative: string;
  problems?: string;
}

/** A project's report in a round: figures in 万元, narrative, problems, site photos. */
export function ReportFormModal({
  roundId,
  project,
  onClose,
}: {
  roundId: string;
  project: RoundProject;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const submit = useSubmitReport(roundId);
  const onOk = async () => {
    const v = await form.validateFields();
    try {
      const photos = await Promise.all(
        files.map(async (f) => ({
          fileName: f.name,
          contentBase64: await fileToBase64(f.originFileObj as File),
        })),
      );
      const res = await submit.mutateAsync({
        projectId: project.projectId,
        investmentPeriod: Math.round((v.investmentWan ?? 0) * WAN),
        fundsPeriod: Math.round((v.fundsWan ?? 0) * WAN),
        narrative: v.narrative,
        problems: v.problems || null,
        photos,
      });
      message.success(res.late ? t('round.submittedLate') : t('round.submitted'));
      onClose();
    } catch (err) {
      message.error(errorText(err, pick));
    }
  };
  return (
    <Modal
      open
      title={`${project.reportId ? t('round.reportEdit') : t('round.report')}：${project.name}`}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submit.isPending}
      okButtonProps={{ 'data-testid': 'round-report-submit' } as never}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ investmentWan: 0, fundsWan: 0 }}
        data-testid="round-report-form"
      >
        <Form.Item name="investmentWan" label={t('round.investmentPeriod')} rules={[{ required: true }]}>
          <InputNumber min={0} step={10} style={{ width: '100%' }} data-testid="round-report-investment" />
        </Form.Item>
        <Form.Item name="fundsWan" label={t('round.fundsPeriod')} rules={[{ required: true }]}>
          <InputNumber min={0} step={10} style={{ width: '100%' }} data-testid="round-report-funds" />
        </Form.Item>
        <Form.Item
          name="narrative"
          label={t('round.narrative')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid="round-report-narrative" />
        </Form.Item>
        <Form.Item name="problems" label={t('round.problems')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="round-report-problems" />
        </Form.Item>
        <Form.Item label={t('round.photos')}>
          <Upload
            listType="picture-card"
            accept="image/png,image/jpeg"
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(0, 6))}
            data-testid="round-report-photos"
          >
            {files.length < 6 ? (
              <div>
                <PlusOutlined />
                <div>{t('round.addPhoto')}</div>
              </div>
            ) : null}
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
