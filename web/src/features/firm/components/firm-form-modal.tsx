import { Alert, App, Checkbox, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { normaliseUscc } from '../../../../../shared/src/uscc';
import { moneyToYuan, yuanToMoneyText } from '../../../components/money-input';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../locales/i18n-context';
import {
  duplicatesOf,
  type Firm,
  type FirmContact,
  type FirmDuplicate,
  type FirmInput,
  type FirmSizeClass,
  useCreateFirm,
  useUpdateFirm,
} from '../api/use-firms';
import { FirmFormFields } from './firm-form-fields';

interface FirmFormValues {
  name: string;
  shortName?: string;
  uscc?: string;
  isLocal: boolean;
  industryCode?: string | null;
  region?: string;
  registeredCapital?: string;
  sizeClass?: FirmSizeClass | null;
  parentGroup?: string;
  listedExchange?: string;
  listedCode?: string;
  chainLink?: string;
  linkId?: string | null;
  tags?: string[];
  aliases?: string[];
  englishName?: string;
  businessScope?: string;
  contacts?: FirmContact[];
  note?: string;
}

const text = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

/** Form values as the API's fields (empty text → null). */
function toInput(values: FirmFormValues): FirmInput & { name: string } {
  return {
    name: values.name.trim(),
    shortName: text(values.shortName),
    uscc: values.uscc?.trim() ? normaliseUscc(values.uscc) : null,
    isLocal: values.isLocal,
    industryCode: values.industryCode ?? null,
    region: text(values.region),
    registeredCapital: moneyToYuan(values.registeredCapital),
    sizeClass: values.sizeClass ?? null,
    parentGroup: text(values.parentGroup),
    listedExchange: text(values.listedExchange),
    listedCode: text(values.listedCode),
    chainLink: text(values.chainLink),
    linkId: values.linkId ?? null,
    tags: values.tags ?? [],
    aliases: values.aliases ?? [],
    englishName: text(values.englishName),
    businessScope: text(values.businessScope),
    contacts: (values.contacts ?? []).map((contact) => ({
      name: contact.name.trim(),
      title: text(contact.title),
      phone: text(contact.phone),
    })),
    note: text(values.note),
  };
}

/** Only the fields that differ from the record, so the audit log shows the real change. */
function changedOnly(firm: Firm, input: FirmInput & { name: string }): FirmInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (JSON.stringify(value) !== JSON.stringify(firm[key as keyof Firm] ?? null)) out[key] = value;
  }
  return out as FirmInput;
}

function initialValues(firm: Firm | undefined): Partial<FirmFormValues> {
  if (!firm) return { isLocal: false, contacts: [], tags: [], aliases: [] };
  return {
    name: firm.name,
    shortName: firm.shortName ?? undefined,
    uscc: firm.uscc ?? undefined,
    isLocal: firm.isLocal,
    industryCode: firm.industryCode,
    region: firm.region ?? undefined,
    registeredCapital: yuanToMoneyText(firm.registeredCapital),
    sizeClass: firm.sizeClass,
    parentGroup: firm.parentGroup ?? undefined,
    listedExchange: firm.listedExchange ?? undefined,
    listedCode: firm.listedCode ?? undefined,
    chainLink: firm.chainLink ?? undefined,
    linkId: firm.linkId,
    tags: firm.tags ?? [],
    aliases: firm.aliases,
    englishName: firm.englishName ?? undefined,
    businessScope: firm.businessScope ?? undefined,
    contacts: firm.contacts,
    note: firm.note ?? undefined,
  };
}

interface FirmFormModalProps {
  /** The firm to edit; absent to create one. Mount with `key` per record so the form starts fresh. */
  firm?: Firm;
  onClose: () => void;
  onCreated?: (firm: Firm) => void;
}

/**
 * Create or edit a firm. The USCC check character is verified as the user types; a 409
 * DUPLICATE_FIRM lists the firms it collided with, and a name-only clash can be overridden.
 */
export function FirmFormModal({ firm, onClose, onCreated }: FirmFormModalProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FirmFormValues>();
  const createFirm = useCreateFirm();
  const updateFirm = useUpdateFirm();
  const [duplicates, setDuplicates] = useState<{
    items: FirmDuplicate[];
    byUscc: boolean;
    text: string;
  } | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  // The duplicate warning's "确认不是重复企业": ticked, the next save goes through a name/alias clash.
  const [confirmedDifferent, setConfirmedDifferent] = useState(false);
  const mutation = firm ? updateFirm : createFirm;

  const handleError = (error: unknown) => {
    const found = duplicatesOf(error);
    if (found && error instanceof ApiError) {
      setConfirmedDifferent(false);
      setDuplicates({
        items: found,
        byUscc: error.fields.some((field) => field.path === 'uscc'),
        text: pick(error.text),
      });
      return;
    }
    if (error instanceof ApiError && error.status === 409) {
      setConflict(pick(error.text));
      return;
    }
    if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
  };

  const submit = (values: FirmFormValues, confirmNotDuplicate: boolean) => {
    setDuplicates(null);
    setConflict(null);
    const input = toInput(values);
    if (firm) {
      updateFirm.mutate(
        {
          id: firm.id,
          input: {
            ...changedOnly(firm, input),
            version: firm.version,
            ...(confirmNotDuplicate ? { confirmNotDuplicate } : {}),
          },
        },
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
    createFirm.mutate(confirmNotDuplicate ? { ...input, confirmNotDuplicate } : input, {
      onSuccess: (created) => {
        message.success(t('firm.created'));
        onClose();
        onCreated?.(created);
      },
      onError: handleError,
    });
  };

  return (
    <Modal
      open
      title={firm ? t('firm.edit') : t('firm.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'firm-submit' } as Record<string, string>}
      width={820}
    >
      {conflict ? <Alert type="warning" showIcon title={conflict} style={{ marginBottom: 16 }} /> : null}
      {duplicates ? (
        <Alert
          type={duplicates.byUscc ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="firm-duplicates"
          title={duplicates.text}
          description={
            <>
              <Flex vertical gap={4} style={{ margin: '8px 0' }}>
                {duplicates.items.map((item) => (
                  <Flex key={item.id} gap={12}>
                    <Link to={`/firms/${item.id}`} target="_blank">
                      {item.name}
                    </Link>
                    {item.reason === 'alias' && item.matched ? (
                      <Typography.Text>{t('firm.duplicateByAlias', { alias: item.matched })}</Typography.Text>
                    ) : null}
                    <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                      {item.uscc ?? '—'}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
              {duplicates.byUscc ? (
                <Typography.Text type="secondary">{t('firm.duplicateUsccHint')}</Typography.Text>
              ) : (
                <Flex gap={8} align="center" style={{ marginTop: 8 }}>
                  <Checkbox
                    checked={confirmedDifferent}
                    onChange={(event) => setConfirmedDifferent(event.target.checked)}
                    data-testid="firm-not-duplicate"
                  >
                    {t('firm.notDuplicate')}
                  </Checkbox>
                  <Typography.Text type="secondary">{t('firm.notDuplicateHint')}</Typography.Text>
                </Flex>
              )}
            </>
          }
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(values) => submit(values, confirmedDifferent)}
        initialValues={initialValues(firm)}
        data-testid="firm-form"
      >
        <FirmFormFields chainLinkText={firm?.chainLink ?? null} />
      </Form>
    </Modal>
  );
}
