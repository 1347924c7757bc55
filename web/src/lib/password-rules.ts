import type { FormRule } from 'antd';
import { checkPasswordPolicy } from '../../../shared/src/password-policy';
import type { LocalizedText, Translate } from '../locales/i18n-context';

/**
 * Form rules for a new password: required, then the same policy check the server runs
 * (shared/src/password-policy.ts), with its bilingual message, before the request is sent.
 */
export function newPasswordRules(t: Translate, pick: (text: LocalizedText) => string): FormRule[] {
  return [
    { required: true, message: t('password.required') },
    {
      validator: (_rule, value: unknown) => {
        if (typeof value !== 'string' || value === '') return Promise.resolve();
        const result = checkPasswordPolicy(value);
        return result.ok ? Promise.resolve() : Promise.reject(new Error(pick(result.message)));
      },
    },
  ];
}
