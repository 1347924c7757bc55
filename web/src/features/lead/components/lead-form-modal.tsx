import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { TEXT_LIMITS } from '../../../../../shared/src/text';
import { ChainLinkSelect } from '../../../components/chain-link-select';
import { FirmSelect } from '../../../components/firm-select';
import { MoneyInput, moneyRule, moneyToYuan, yuanToMoneyText } from '../../../components/money-input';
import { OfficerSelect } from '../../../components/officer-select';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useSignedInMe } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import {
  LEAD_SOURCES,
  type Lead,
  type LeadInput,
  type LeadSource,
  useCreateLead,
  useUpdateLead,
} from '../api/use-leads';

interface LeadFormValues {
  title: string;
  source: LeadSource;
  referrerFirmId?: string | null;
  targetFirmId?: string | null;
  targetFirmName?: string;
  chainLink?: string;
  linkId?: string | null;
  estimatedInvestment?: string;
  ownerId?: string | null;
  nextStep?: string;
  nextStepDate?: Dayjs | null;
}

const text = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

function toInput(values: LeadFormValues): LeadInput & { title: string; source: LeadSource } {
  return {
    title: values.title.trim(),
    source: values.source,
    referrerFirmId: values.source === 'referral' ? (values.referrerFirmId ?? null) : null,
    targetFirmId: values.targetFirmId ?? null,
    targetFirmName: values.targetFirmId ? null : text(values.targetFirmName),
    chainLink: text(values.chainLink),
    linkId: values.linkId ?? null,
    estimatedInvestment: moneyToYuan(values.estimatedInvestment),
    ...(values.ownerId !== undefined ? { ownerId: values.ownerId } : {}),
    nextStep: text(values.nextStep),
    nextStepDate: values.nextStepDate ? values.nextStepDate.format('YYYY-MM-DD') : null,
  };
}

function changedOnly(lead: Lead, input: LeadInput): LeadInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'targetFirmName' && input.targetFirmId) continue;
    if (JSON.stringify(value) !== JSON.stringify(lead[key as keyof Lead] ?? null)) out[key] = value;
  }
  return out as LeadInput;
}

interface LeadFormModalProps {
  lead?: Lead;
  /** Officers the lead may be assigned to (GET /api/officers); empty when the list is not available. */
  officerOptions: { value: string; label: string }[];
  onClose: () => void;
  onCreated?: (lead: Lead) => void;
}

/** Create or edit a lead; a referral (以商招商) must name the referring firm. */
export function LeadFormModal({ lead, officerOptions, onClose, onCreated }: LeadFormModalProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const me = useSignedInMe();
  const [form] = Form.useForm<LeadFormValues>();
  const createLead = useCreateLead();
  const updateLead = useUpdateLead();
  const mutation = lead ? updateLead : createLead;
  const source = Form.useWatch('source', form);
  const targetFirmId = Form.useWatch('targetFirmId', form);
  const targetFirmName = Form.useWatch('targetFirmName', form);
  // The target is required, either picked from the firm library or typed as a name (lead.service.ts).
  const needsTarget = !targetFirmId && !targetFirmName?.trim();
  const conflict =
    updateLead.error instanceof ApiError && updateLead.error.status === 409 ? updateLead.error : null;

  const handleError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) return;
    if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
  };

  const handleFinish = (values: LeadFormValues) => {
    const input = toInput(values);
    if (lead) {
      updateLead.mutate(
        { id: lead.id, input: { ...changedOnly(lead, input), version: lead.version } },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            onClose();
          },
          onError: handleError,
        },
      );
      return;
    }
    createLead.mutate(input, {
      onSuccess: (created) => {
        message.success(t('lead.created'));
        onClose();
        onCreated?.(created);
      },
      onError: handleError,
    });
  };

  return (
    <Modal
      open
      title={lead ? t('lead.edit') : t('lead.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'lead-submit' } as Record<string, string>}
      width={720}
    >
      {conflict ? (
        <Alert type="warning" showIcon title={pick(conflict.text)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={handleFinish}
        data-testid="lead-form"
        initialValues={
          lead
            ? {
                title: lead.title,
                source: lead.source,
                referrerFirmId: lead.referrerFirmId,
                targetFirmId: lead.targetFirmId,
                targetFirmName: lead.targetFirmId ? undefined : (lead.targetFirmName ?? undefined),
                chainLink: lead.chainLink ?? undefined,
                linkId: lead.linkId,
                estimatedInvestment: yuanToMoneyText(lead.estimatedInvestment),
                nextStep: lead.nextStep ?? undefined,
                nextStepDate: lead.nextStepDate ? dayjs(lead.nextStepDate) : null,
                ownerId: officerOptions.length > 0 ? lead.ownerId : undefined,
              }
            : {
                source: 'referral',
                // An officer's new lead is theirs unless they hand it to a colleague.
                ...(officerOptions.length > 0 && me.user.role === 'officer' ? { ownerId: me.user.id } : {}),
              }
        }
      >
        <Form.Item name="title" label={t('lead.titleField')} rules={[{ required: true, whitespace: true }]}>
          <Input
            maxLength={TEXT_LIMITS.name}
            placeholder={t('lead.titlePlaceholder')}
            data-testid="lead-title"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="source" label={t('lead.source')} rules={[{ required: true }]}>
              <Select
                options={LEAD_SOURCES.map((value) => ({ value, label: t(`lead.source.${value}`) }))}
                data-testid="lead-source"
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            {source === 'referral' ? (
              <Form.Item
                name="referrerFirmId"
                label={t('lead.referrer')}
                extra={t('lead.referrerHint')}
                rules={[{ required: true, message: t('lead.referrerRequired') }]}
              >
                <FirmSelect initialLabel={lead?.referrerFirmName} data-testid="lead-referrer" />
              </Form.Item>
            ) : null}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="targetFirmId"
              label={t('lead.targetFirm')}
              extra={t('lead.targetFirmHint')}
              required={needsTarget}
              dependencies={['targetFirmName']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: string | null | undefined) => {
                    if (value || (getFieldValue('targetFirmName') as string | undefined)?.trim()) return;
                    throw new Error(
                      pick({
                        zh: '请选择目标企业或填写企业名称',
                        en: 'Pick the target firm or type its name',
                      }),
                    );
                  },
                }),
              ]}
            >
              <FirmSelect
                initialLabel={lead?.targetFirmId ? lead.targetFirmName : null}
                data-testid="lead-target"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="targetFirmName" label={t('lead.targetFirmName')} required={needsTarget}>
              <Input
                maxLength={TEXT_LIMITS.name}
                disabled={!!targetFirmId}
                placeholder={t('lead.targetFirmNamePlaceholder')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="linkId" label={t('pipeline.chainLink')}>
              <ChainLinkSelect data-testid="lead-link" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="estimatedInvestment"
              label={t('lead.estimatedInvestment')}
              rules={[moneyRule(pick)]}
            >
              <MoneyInput data-testid="lead-investment" />
            </Form.Item>
          </Col>
        </Row>
        {lead?.chainLink ? (
          // Imported free text stays editable until someone picks the link it meant.
          <Form.Item name="chainLink" label={t('pipeline.chainLinkText')}>
            <Input maxLength={TEXT_LIMITS.short} placeholder={t('pipeline.chainLinkPlaceholder')} />
          </Form.Item>
        ) : null}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="nextStep" label={t('lead.nextStep')}>
              <Input maxLength={TEXT_LIMITS.short} placeholder={t('lead.nextStepPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="nextStepDate" label={t('lead.nextStepDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            {officerOptions.length > 0 ? (
              <Form.Item name="ownerId" label={t('lead.owner')}>
                <OfficerSelect options={officerOptions} initialLabel={lead?.ownerName} />
              </Form.Item>
            ) : null}
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
