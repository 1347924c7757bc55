import { App, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../../../lib/error-text';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../locales/i18n-context';

interface Props<V> {
  title: string;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  saving: boolean;
  /** Sends the values; a rejected promise's field errors are put on the form's fields. */
  onSave: (values: V) => Promise<unknown>;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}

/** The modal around the park, plot and unit forms: validate, save, show the server's field errors. */
export function PlaceFormModal<V extends object>({
  title,
  form,
  initialValues,
  saving,
  onSave,
  onClose,
  testId,
  children,
}: Props<V>) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await onSave(values);
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, pick)) message.error(errorText(e, pick));
    }
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: saving, ...({ 'data-testid': `${testId}-save` } as Record<string, string>) }}
      destroyOnHidden
      width={640}
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}

/** Empty text as null, trimmed otherwise: what the API's nullable fields take. */
export const textOrNull = (v: string | undefined | null): string | null => (v?.trim() ? v.trim() : null);
/** An emptied number input as null. */
export const numberOrNull = (v: number | undefined | null): number | null =>
  v === undefined || v === null ? null : v;
