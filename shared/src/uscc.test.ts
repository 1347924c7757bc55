import { describe, expect, it } from 'vitest';
import {
  computeOrgCodeCheckChar,
  computeUsccCheckChar,
  isValidUscc,
  LIAOCHENG_DIVISION_CODES,
  makeUscc,
  normaliseUscc,
  USCC_CHARSET,
  validateUscc,
} from './uscc';

// An independent implementation written straight from the standards' tables, so that a mistake in
// the module (e.g. a wrong weight or character value) does not silently agree with itself.
const WEIGHTS_GB32100 = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const VALUES_GB32100: Record<string, number> = Object.fromEntries(
  '0 1 2 3 4 5 6 7 8 9 A B C D E F G H J K L M N P Q R T U W X Y'.split(' ').map((c, i) => [c, i]),
);
const CHARS_GB32100 = Object.keys(VALUES_GB32100).sort((a, b) => VALUES_GB32100[a]! - VALUES_GB32100[b]!);
function referenceCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + VALUES_GB32100[ch]! * WEIGHTS_GB32100[i]!, 0);
  const mod = sum % 31;
  return mod === 0 ? '0' : CHARS_GB32100[31 - mod]!;
}
const WEIGHTS_GB11714 = [3, 7, 9, 10, 5, 8, 4, 2];
function referenceOrgCheck(body: string): string {
  const sum = [...body].reduce((acc, ch, i) => acc + parseInt(ch, 36) * WEIGHTS_GB11714[i]!, 0);
  const c = 11 - (sum % 11);
  return c === 11 ? '0' : c === 10 ? 'X' : String(c);
}
function referenceIsValid(code: string): boolean {
  return (
    /^[0-9A-HJ-NPQRTUW-Y]{2}\d{6}[0-9A-HJ-NPQRTUW-Y]{10}$/.test(code) &&
    referenceOrgCheck(code.slice(8, 16)) === code.charAt(16) &&
    referenceCheckChar(code.slice(0, 17)) === code.charAt(17)
  );
}

describe('USCC charset and weights', () => {
  it('has the 31 characters of GB 32100-2015', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(USCC_CHARSET).not.toMatch(/[IOSVZ]/);
    expect(CHARS_GB32100.join('')).toBe(USCC_CHARSET);
  });
});

describe('validateUscc — valid codes', () => {
  // 91350100M000100Y43 is the sample code widely quoted with GB 32100-2015 (checked by hand: org
  // sum 139 → '4', final sum 1640 → '3'); the others are real-format sample codes (enterprise,
  // social organisation, public institution, individual business) completed by the reference above.
  const valid = [
    '91350100M000100Y43',
    '91371500MA3C4M8L81',
    '52371500MJD627041Q',
    '12100000400000325F',
    '92371502MA3F0K1W9Q',
  ];

  it.each(valid)('%s passes both the module and the reference implementation', (code) => {
    expect(referenceIsValid(code)).toBe(true);
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it('computes the check characters the reference computes', () => {
    for (const code of valid) {
      expect(computeUsccCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
      expect(computeOrgCodeCheckChar(code.slice(8, 16))).toBe(code.charAt(16));
    }
  });

  it('normalises lower case, full-width characters, spaces and hyphens', () => {
    expect(validateUscc(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
    });
    expect(validateUscc('913501-00M000100Y4 3')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(normaliseUscc('9135　0100m')).toBe('91350100M');
    expect(normaliseUscc('\u200B91350100M000100Y43\uFEFF')).toBe('91350100M000100Y43');
  });

  it('isValidUscc mirrors validateUscc', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
  });
});

describe('validateUscc — refused codes', () => {
  it('refuses a wrong check character, says so and names the expected one', () => {
    const r = validateUscc('91350100M000100Y44');
    expect(r).toMatchObject({ ok: false, reason: 'check_char', expected: '3' });
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).toContain('校验位错误');
    expect(r.message.zh).toContain('应为“3”');
    expect(r.message.en).toContain('Wrong check character');
    expect(r.message.en).toContain('should be "3"');
  });

  it('refuses a wrong organisation-code check character at position 17', () => {
    // Y4 → Y5: the org code check fails before the final check is looked at.
    const r = validateUscc('91350100M000100Y53');
    expect(r).toMatchObject({ ok: false, reason: 'org_code_check', expected: '4' });
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).toContain('第17位应为“4”');
  });

  it('can skip the organisation-code check for registries known to break it', () => {
    const first17 = '91350100M000100Y5';
    const code = first17 + computeUsccCheckChar(first17);
    expect(validateUscc(code).ok).toBe(false);
    expect(validateUscc(code, { checkOrgCode: false })).toEqual({ ok: true, value: code });
  });

  it.each([
    ['', 0],
    ['91350100M000100Y4', 17],
    ['91350100M000100Y431', 19],
  ])('refuses %j for its length', (code, length) => {
    const r = validateUscc(code);
    expect(r).toMatchObject({ ok: false, reason: 'length' });
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).toContain(`当前为${length}位`);
  });

  it.each([
    '91350100M0001O0Y43',
    '91350100MI00100Y43',
    '9135010SM000100Y43',
    '91350100M000100Y4Z',
    '9135010*M000100Y43',
  ])('refuses %s for a character outside the charset', (code) => {
    expect(validateUscc(code)).toMatchObject({ ok: false, reason: 'charset' });
  });

  it('names the bad character and its position', () => {
    const r = validateUscc('91350100MI00100Y43');
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).toContain('第10位“I”');
  });

  it('refuses letters in the division code (positions 3–8)', () => {
    const first17 = '9135A100M000100Y4';
    const code = first17 + computeUsccCheckChar(first17);
    expect(validateUscc(code)).toMatchObject({ ok: false, reason: 'charset' });
  });

  it('agrees with the reference on every single-character corruption of a valid code', () => {
    const code = '91371500MA3C4M8L81';
    for (let pos = 0; pos < code.length; pos++) {
      for (const ch of USCC_CHARSET) {
        if (ch === code.charAt(pos)) continue;
        const mutated = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(validateUscc(mutated).ok, mutated).toBe(referenceIsValid(mutated));
      }
    }
  });
});

describe('computeUsccCheckChar / computeOrgCodeCheckChar', () => {
  it('throws on input that is not 17 USCC characters', () => {
    expect(() => computeUsccCheckChar('123')).toThrow(RangeError);
    expect(() => computeUsccCheckChar('91350100M000100I4')).toThrow(RangeError);
  });
  it('throws on an organisation-code body that is not 8 characters', () => {
    expect(() => computeOrgCodeCheckChar('1234567')).toThrow(RangeError);
  });
  it('produces X and 0 as the GB 11714 special cases', () => {
    // Bodies found by search such that 11 - sum mod 11 is 10 and 11.
    const bodies = Array.from({ length: 200 }, (_, i) => String(10_000_000 + i * 7919));
    const checks = new Set(bodies.map(computeOrgCodeCheckChar));
    expect(checks.has('X')).toBe(true);
    expect(checks.has('0')).toBe(true);
    for (const b of bodies) expect(computeOrgCodeCheckChar(b)).toBe(referenceOrgCheck(b));
  });
});

describe('makeUscc', () => {
  it('is deterministic', () => {
    expect(makeUscc(42)).toBe(makeUscc(42));
    expect(makeUscc(0, { division: '371502' })).toBe(makeUscc(0, { division: '371502' }));
  });

  it('produces valid, distinct codes for many consecutive seeds', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 20_000; seed++) {
      const code = makeUscc(seed);
      expect(referenceIsValid(code), code).toBe(true);
      seen.add(code);
    }
    expect(seen.size).toBe(20_000);
  });

  it('produces valid codes for far-apart seeds, up to the largest allowed one', () => {
    const max = LIAOCHENG_DIVISION_CODES.length * 31 ** 6 - 1;
    for (const seed of [1_000_000, 123_456_789, 2_000_000_000, max]) {
      expect(validateUscc(makeUscc(seed)).ok).toBe(true);
    }
    expect(() => makeUscc(max + 1)).toThrow(RangeError);
  });

  it('uses Liaocheng divisions and an enterprise prefix by default, or the pinned division', () => {
    expect(makeUscc(7).slice(0, 2)).toBe('91');
    expect(LIAOCHENG_DIVISION_CODES).toContain(makeUscc(7).slice(2, 8));
    expect(makeUscc(7, { division: '110105' }).slice(2, 8)).toBe('110105');
  });

  it('refuses bad seeds and divisions', () => {
    expect(() => makeUscc(-1)).toThrow(RangeError);
    expect(() => makeUscc(1.5)).toThrow(RangeError);
    expect(() => makeUscc(Number.NaN)).toThrow(RangeError);
    expect(() => makeUscc(1, { division: '37150' })).toThrow(RangeError);
  });
});
