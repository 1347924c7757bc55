import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy';

describe('password policy (8+ characters, 3 of 4 classes)', () => {
  it.each([
    ['Abcdefg1', true],
    ['abcdef1!', true],
    ['ABCDEF1!', true],
    ['Abcdefgh', false],
    ['abcdefg1', false],
    ['Ab1!', false],
    ['12345678', false],
    ['密码密码Ab1x', true],
  ])('%s → %s', (pw, ok) => {
    const res = checkPasswordPolicy(pw);
    expect(res.ok).toBe(ok);
    if (!res.ok) {
      expect(res.message.zh.length).toBeGreaterThan(0);
      expect(res.message.en.length).toBeGreaterThan(0);
    }
  });
});
