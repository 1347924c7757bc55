import { App, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../lib/error-text';
import { applyFieldErrors } from '../lib/form-errors';
import { usePhoneModalProps } from '../lib/use-is-phone';
import { useI18n } from '../locales/i18n-context';

/**
 * A form in a modal that saves through one request: OK submits, the request's field errors land on
 * their fields (any other error is a toast), success says so and closes. The agreement modals
 * (agreement, amendment, actual figure, consequence) are this frame with their own fields; the
 * caller makes the form so it can watch its fields.
 */
export function FormModal<Values extends object>({
  form,
  title,
  width,
  initialValues,
  pending,
  save,
  savedText,
  onClose,
  children,
}: {
  form: FormInstance<Values>;
  title: ReactNode;
  width?: number;
  initialValues: Partial<Values>;
  pending: boolean;
  /** Sends the form's values (rejects with the server's error). */
  save: (values: Values) => Promise<unknown>;
  savedText: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const phoneModal = usePhoneModalProps();

  const handleFinish = async (values: Values) => {
    try {
      await save(values);
      message.success(savedText);
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, pick)) message.error(errorText(error, pick));
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      destroyOnHidden
      {...phoneModal}
    >
      <Form<Values> form={form} layout="vertical" onFinish={handleFinish} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
