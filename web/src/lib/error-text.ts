import type { LocalizedText } from '../locales/i18n-context';
import { ApiError } from './api-client';

/** The message to show for any thrown value, in the current language. */
export function errorText(error: unknown, pick: (text: LocalizedText) => string): string {
  if (error instanceof ApiError) return pick(error.text);
  return pick({ zh: '操作失败，请稍后重试', en: 'Something went wrong. Please try again.' });
}
