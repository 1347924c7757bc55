import type { FormInstance } from 'antd';
import type { LocalizedText } from '../locales/i18n-context';
import { ApiError } from './api-client';

/**
 * Puts the server's field errors onto the matching antd Form fields.
 * Returns true when at least one field of the form took an error, so the caller can skip a toast.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  pick: (text: LocalizedText) => string,
): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  const known = new Set(
    Object.keys(form.getFieldsValue() as Record<string, unknown>).map((name) => name.split('.')[0]),
  );
  const entries = error.fields
    .map((field) => ({ name: field.path.split('.').filter(Boolean), errors: [pick(field.message)] }))
    .filter((entry) => entry.name.length > 0 && known.has(entry.name[0]));
  if (entries.length === 0) return false;
  form.setFields(entries);
  return true;
}
