import type { Bilingual } from './i18n-message';

/** 等保2.0 level 3 asks for complexity: length 8+ and at least three of the four character classes. */
export const PASSWORD_POLICY = { minLength: 8, maxLength: 128, minClasses: 3 } as const;

export function checkPasswordPolicy(password: string): { ok: true } | { ok: false; message: Bilingual } {
  if (password.length < PASSWORD_POLICY.minLength || password.length > PASSWORD_POLICY.maxLength) {
    return {
      ok: false,
      message: {
        zh: `密码长度须为${PASSWORD_POLICY.minLength}–${PASSWORD_POLICY.maxLength}位`,
        en: `Password must be ${PASSWORD_POLICY.minLength}–${PASSWORD_POLICY.maxLength} characters long`,
      },
    };
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < PASSWORD_POLICY.minClasses) {
    return {
      ok: false,
      message: {
        zh: '密码须包含小写字母、大写字母、数字、符号中的至少三类',
        en: 'Password must mix at least three of: lower case, upper case, digits, symbols',
      },
    };
  }
  return { ok: true };
}
