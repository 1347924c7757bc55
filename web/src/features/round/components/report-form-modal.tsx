import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Checkbox,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Upload,
  type UploadFile,
} from 'antd';
import { useEffect, useState } from 'react';
import { ROUND_LIMITS } from '../../../../../shared/src/dispatch';
import { PROJECT_STAGES } from '../../../../../shared/src/project-stage';
import { expectedCumulative } from '../../../../../shared/src/round-figures';
import { useFormatMoney } from '../../../components/money-text';
import { errorText } from '../../../lib/error-text';
import { resizePhoto } from '../../../lib/photo-resize';
import { usePhoneModalProps } from '../../../lib/use-is-phone';
import { useI18n } from '../../../locales/i18n-context';
import { fileToBase64, type RoundProject, useRoundReports, useSubmitReport } from '../api/use-rounds';
import { ReportRevisions } from './report-revisions';

const WAN = 10_000;
const toYuan = (wan: number | null | undefined) => Math.round((wan ?? 0) * WAN);
const toWan = (yuan: number | null | undefined) =>
  yuan === null || yuan === undefined ? undefined : yuan / WAN;
const PRODUCING = PROJECT_STAGES.find((s) => s.key === 'producing')?.order ?? 9;

interface Values {
  investmentWan: number;
  investmentInStats: boolean;
  fundsWan: number;
  exportsWan?: number | null;
  outputWan?: number | null;
  taxWan?: number | null;
  investmentCumulativeWan?: number | null;
  fundsCumulativeWan?: number | null;
  narrative: string;
  problems?: string;
}

/**
 * A project's report in a round (figures in 万元): the period's 固定资产投资 and whether it is 入统,
 * funds in place and exports, output and tax once the project produces; the cumulative figures,
 * pre-filled from earlier reports plus this period (editable — a figure that disagrees with the
 * records is allowed but warned about); narrative, problems, site photos. A correction starts from
 * what was filed.
 */
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
  const money = useFormatMoney();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  // Whether the person typed a cumulative figure themselves (then it no longer follows the period).
  const [typed, setTyped] = useState({ investment: project.cumulativeDisagrees, funds: false });
  const submit = useSubmitReport(roundId);
  const phoneModal = usePhoneModalProps();
  const filed = useRoundReports(
    { roundId, projectId: project.projectId },
    { limit: 1, offset: 0 },
    !!project.reportId,
  );
  const stageOrder = PROJECT_STAGES.find((s) => s.key === project.stage)?.order ?? 0;
  const producing = stageOrder >= PRODUCING;

  const investmentWan = Form.useWatch('investmentWan', form);
  const fundsWan = Form.useWatch('fundsWan', form);
  const cumulativeWan = Form.useWatch('investmentCumulativeWan', form);
  const expected = {
    investment: expectedCumulative(project.priorInvestmentCumulative, toYuan(investmentWan)),
    funds: expectedCumulative(project.priorFundsCumulative, toYuan(fundsWan)),
  };
  const disagrees =
    cumulativeWan !== null && cumulativeWan !== undefined && toYuan(cumulativeWan) !== expected.investment;

  // A correction: the narrative and problems come from the filed report — once, and only into a
  // field the person has not started typing in: the filed text may arrive after they began (a slow
  // line, a phone), and a refetch must not overwrite their words either.
  const report = filed.data?.items[0];
  // Until the filed text is in its fields, they take no typing and the report cannot be sent: words
  // typed into a field about to be filled would be cut into or lost (a test's fill once was). They
  // open on the render after the fill, not on the one the answer arrives in, before the fill ran.
  const [filledFrom, setFilledFrom] = useState<string | null>(null);
  const readingFiled = !!project.reportId && (filed.isPending || (!!report && filledFrom !== report.id));
  useEffect(() => {
    if (!report || filledFrom === report.id) return;
    const fill: Partial<Values> = {};
    if (!form.isFieldTouched('narrative')) fill.narrative = report.narrative;
    if (!form.isFieldTouched('problems')) fill.problems = report.problems ?? undefined;
    form.setFieldsValue(fill);
    setFilledFrom(report.id);
  }, [report, form, filledFrom]);

  const onValuesChange = (changed: Partial<Values>) => {
    if ('investmentCumulativeWan' in changed) setTyped((s) => ({ ...s, investment: true }));
    if ('fundsCumulativeWan' in changed) setTyped((s) => ({ ...s, funds: true }));
    if ('investmentWan' in changed && !typed.investment) {
      const v = expectedCumulative(project.priorInvestmentCumulative, toYuan(changed.investmentWan));
      form.setFieldValue('investmentCumulativeWan', v / WAN);
    }
    if ('fundsWan' in changed && !typed.funds) {
      const v = expectedCumulative(project.priorFundsCumulative, toYuan(changed.fundsWan));
      form.setFieldValue('fundsCumulativeWan', v / WAN);
    }
  };

  const onOk = async () => {
    const v = await form.validateFields();
    try {
      const photos = await Promise.all(
        // Resized in the browser (long edge ≤ 2048 px, EXIF and so location dropped) before upload.
        files.map(async (f) => {
          const photo = await resizePhoto(f.originFileObj as File);
          return { fileName: photo.name, contentBase64: await fileToBase64(photo) };
        }),
      );
      const cumulative = (wan: number | null | undefined) =>
        wan === null || wan === undefined ? undefined : toYuan(wan);
      const res = await submit.mutateAsync({
        projectId: project.projectId,
        investmentPeriod: toYuan(v.investmentWan),
        investmentInStats: v.investmentInStats,
        fundsPeriod: toYuan(v.fundsWan),
        exportsPeriod: toYuan(v.exportsWan),
        outputPeriod:
          producing && v.outputWan !== null && v.outputWan !== undefined ? toYuan(v.outputWan) : null,
        taxPeriod: producing && v.taxWan !== null && v.taxWan !== undefined ? toYuan(v.taxWan) : null,
        investmentCumulative: cumulative(v.investmentCumulativeWan),
        fundsCumulative: cumulative(v.fundsCumulativeWan),
        narrative: v.narrative,
        problems: v.problems || null,
        photos,
        // A correction starts from the version shown; the server answers 409 if it changed since.
        ...(project.reportVersion === null ? {} : { version: project.reportVersion }),
      });
      message.success(res.late ? t('round.submittedLate') : t('round.submitted'));
      onClose();
    } catch (err) {
      message.error(errorText(err, pick));
    }
  };

  const initialValues: Partial<Values> = project.reportId
    ? {
        investmentWan: toWan(project.investmentPeriod) ?? 0,
        investmentInStats: project.investmentInStats ?? true,
        fundsWan: toWan(project.fundsPeriod) ?? 0,
        exportsWan: toWan(project.exportsPeriod) ?? 0,
        outputWan: toWan(project.outputPeriod),
        taxWan: toWan(project.taxPeriod),
        investmentCumulativeWan: toWan(project.investmentCumulative),
        fundsCumulativeWan: toWan(project.fundsCumulative),
      }
    : {
        investmentWan: 0,
        investmentInStats: true,
        fundsWan: 0,
        exportsWan: 0,
        investmentCumulativeWan: project.priorInvestmentCumulative / WAN,
        fundsCumulativeWan: project.priorFundsCumulative / WAN,
      };
  const wanInput = (testId: string) => (
    <InputNumber min={0} step={10} style={{ width: '100%' }} data-testid={testId} />
  );

  return (
    <Modal
      open
      title={`${project.reportId ? t('round.reportEdit') : t('round.report')}：${project.name}`}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submit.isPending}
      okButtonProps={{ 'data-testid': 'round-report-submit', disabled: readingFiled } as never}
      width={720}
      {...phoneModal}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        data-testid="round-report-form"
      >
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="investmentWan" label={t('round.investmentPeriod')} rules={[{ required: true }]}>
              {wanInput('round-report-investment')}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="investmentInStats" valuePropName="checked" label=" ">
              <Checkbox data-testid="round-report-in-stats">{t('round.inStats')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="fundsWan" label={t('round.fundsPeriod')} rules={[{ required: true }]}>
              {wanInput('round-report-funds')}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="exportsWan" label={t('round.exportsPeriod')}>
              {wanInput('round-report-exports')}
            </Form.Item>
          </Col>
          {producing ? (
            <>
              <Col span={12}>
                <Form.Item name="outputWan" label={t('round.outputPeriod')}>
                  {wanInput('round-report-output')}
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="taxWan" label={t('round.taxPeriod')}>
                  {wanInput('round-report-tax')}
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
        <Divider titlePlacement="start" plain>
          {t('round.cumulative')}
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="investmentCumulativeWan"
              label={t('round.investmentCumulative')}
              extra={t('round.cumulativeFromRecords', { amount: money(expected.investment) })}
            >
              {wanInput('round-report-investment-cumulative')}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="fundsCumulativeWan"
              label={t('round.fundsCumulative')}
              extra={t('round.cumulativeFromRecords', { amount: money(expected.funds) })}
            >
              {wanInput('round-report-funds-cumulative')}
            </Form.Item>
          </Col>
        </Row>
        {disagrees ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('round.cumulativeDisagrees', {
              stated: money(toYuan(cumulativeWan)),
              expected: money(expected.investment),
            })}
            data-testid="round-report-cumulative-warning"
          />
        ) : null}
        <Form.Item
          name="narrative"
          label={t('round.narrative')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={ROUND_LIMITS.narrativeMax}
            disabled={readingFiled}
            placeholder={readingFiled ? t('round.readingFiled') : undefined}
            data-testid="round-report-narrative"
          />
        </Form.Item>
        <Form.Item name="problems" label={t('round.problems')}>
          <Input.TextArea
            rows={2}
            maxLength={ROUND_LIMITS.narrativeMax}
            disabled={readingFiled}
            data-testid="round-report-problems"
          />
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
      {project.reportId ? <ReportRevisions reportId={project.reportId} /> : null}
    </Modal>
  );
}
