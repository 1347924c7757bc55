import type { Bilingual } from './i18n-message';

/**
 * 统一社会信用代码 USCC (unified social credit code), GB 32100-2015.
 *
 * Layout of the 18 characters:
 *   1      登记管理部门码 registration authority (9 = market regulation, 5 = civil affairs, …)
 *   2      机构类别码 organisation type within that authority (1 = enterprise, 2 = individual business, …)
 *   3–8    登记管理机关行政区划码 administrative division (GB/T 2260), always digits
 *   9–17   主体标识码 the organisation code (GB 11714): 8 body characters + its own check character
 *   18     校验码 check character over positions 1–17
 */

/**
 * The 31 characters a USCC may contain. I, O, S, V and Z are left out because they are too easily
 * read as 1, 0, 5, U and 2; the position of a character in this string is its value in the check sum.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Fixed by GB 32100-2015. */
export const USCC_LENGTH = 18;

/** Weights of positions 1–17 in the final check: 3^(i-1) mod 31, i.e. 1, 3, 9, 27, 19, 26, … */
const USCC_WEIGHTS: readonly number[] = Array.from({ length: USCC_LENGTH - 1 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** Weights of the 8 body characters of an organisation code (GB 11714-1997). */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type UsccFailureReason = 'length' | 'charset' | 'org_code_check' | 'check_char';

export type UsccValidation =
  | { ok: true; value: string }
  | { ok: false; reason: UsccFailureReason; expected?: string; message: Bilingual };

/**
 * Makes what people paste comparable: full-width letters and digits (typed with a Chinese input
 * method) become ASCII, spaces and hyphens used to group the code and zero-width characters picked
 * up when copying from web pages are dropped, letters are upper-cased.
 */
export function normaliseUscc(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-‐‑–—\u200B-\u200D\uFEFF]/g, '')
    .toUpperCase();
}

function usccValue(ch: string): number {
  return USCC_CHARSET.indexOf(ch);
}

/**
 * Value of a character in the GB 11714 organisation-code check: digits are 0–9, letters A–Z are
 * 10–35 over the whole Latin alphabet (not the USCC charset), so M is 22 here but 21 in the USCC sum.
 */
function orgCodeValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/**
 * Check character of a GB 11714 organisation code from its 8 body characters ('0'–'9' or 'X').
 * @throws RangeError when the body is not 8 digits or capital letters.
 */
export function computeOrgCodeCheckChar(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) {
    throw new RangeError(`An organisation code body is 8 digits or capital letters, got "${body}"`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeValue(body.charAt(i)) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/**
 * Check character (position 18) of a USCC from its first 17 characters.
 * @throws RangeError when the input is not 17 characters of the USCC charset.
 */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== USCC_LENGTH - 1) {
    throw new RangeError(`Expected the first 17 characters of a USCC, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const v = usccValue(first17.charAt(i));
    if (v < 0) throw new RangeError(`"${first17.charAt(i)}" is not a USCC character`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_CHARSET.charAt(c);
}

export type ValidateUsccOptions = {
  /**
   * Also verify the GB 11714 check character at position 17. On by default; an importer of a
   * third-party registry can turn it off if that registry is known to hold codes that fail only it.
   */
  checkOrgCode?: boolean;
};

/**
 * Validates a 统一社会信用代码. Returns the normalised code, or why it is refused with a message
 * that names the problem — for a wrong check character, the character that was expected.
 */
export function validateUscc(input: string, options: ValidateUsccOptions = {}): UsccValidation {
  const { checkOrgCode = true } = options;
  const s = normaliseUscc(input);

  if (s.length !== USCC_LENGTH) {
    return {
      ok: false,
      reason: 'length',
      message: {
        zh: `统一社会信用代码应为18位，当前为${s.length}位`,
        en: `A unified social credit code has 18 characters; this one has ${s.length}`,
      },
    };
  }

  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (usccValue(ch) < 0) {
      return {
        ok: false,
        reason: 'charset',
        message: {
          zh: `统一社会信用代码第${i + 1}位“${ch}”不是有效字符（只使用数字和除 I、O、S、V、Z 以外的大写字母）`,
          en: `Character ${i + 1} of the unified social credit code, "${ch}", is not allowed (only digits and capital letters except I, O, S, V and Z)`,
        },
      };
    }
  }

  // Positions 3–8 are a GB/T 2260 division code, which has digits only.
  if (!/^\d{6}$/.test(s.slice(2, 8))) {
    return {
      ok: false,
      reason: 'charset',
      message: {
        zh: '统一社会信用代码第3–8位是行政区划码，只能是数字',
        en: 'Characters 3–8 of the unified social credit code are an administrative division code and must be digits',
      },
    };
  }

  if (checkOrgCode) {
    const expectedOrg = computeOrgCodeCheckChar(s.slice(8, 16));
    if (s.charAt(16) !== expectedOrg) {
      return {
        ok: false,
        reason: 'org_code_check',
        expected: expectedOrg,
        message: {
          zh: `统一社会信用代码第9–17位组织机构代码的校验位错误：第17位应为“${expectedOrg}”，实为“${s.charAt(16)}”，请核对代码`,
          en: `The organisation code inside the unified social credit code (characters 9–17) has a wrong check character: character 17 should be "${expectedOrg}", not "${s.charAt(16)}". Please check the code`,
        },
      };
    }
  }

  const expected = computeUsccCheckChar(s.slice(0, 17));
  if (s.charAt(17) !== expected) {
    return {
      ok: false,
      reason: 'check_char',
      expected,
      message: {
        zh: `统一社会信用代码校验位错误：第18位应为“${expected}”，实为“${s.charAt(17)}”，请核对代码`,
        en: `Wrong check character in the unified social credit code: character 18 should be "${expected}", not "${s.charAt(17)}". Please check the code`,
      },
    };
  }

  return { ok: true, value: s };
}

/** True when `input` is a valid USCC (after normalisation). */
export function isValidUscc(input: string): boolean {
  return validateUscc(input).ok;
}

/**
 * Division codes (GB/T 2260) of Liaocheng city and its districts and counties, used by `makeUscc`
 * so that generated firms look local: 聊城市, 东昌府区, 茌平区, 阳谷县, 莘县, 东阿县, 冠县, 高唐县, 临清市.
 */
export const LIAOCHENG_DIVISION_CODES = [
  '371500',
  '371502',
  '371503',
  '371521',
  '371522',
  '371524',
  '371525',
  '371526',
  '371581',
] as const;

/**
 * Generated codes use the 'MA' + 6 characters shape that organisation codes issued since 2015
 * carry, so the 6 free characters give 31^6 (≈ 8.9 × 10^8) distinct bodies per division.
 */
const BODY_SPACE = 31 ** 6;
/**
 * Multiplier of the affine bijection that scatters consecutive seeds over the body space (so the
 * codes do not look sequential). Any multiplier not divisible by 31 is a bijection mod 31^6; this
 * one keeps seed × multiplier below 2^53.
 */
const BODY_MULTIPLIER = 1_000_003;
const BODY_OFFSET = 123_456_789;

export type MakeUsccOptions = {
  /** Pin the 6-digit division code (positions 3–8); by default it cycles through Liaocheng's. */
  division?: string;
};

/**
 * A valid, deterministic, sample USCC for `seed` (a non-negative integer): the same seed always
 * gives the same code and distinct seeds give distinct codes — 8 × 10^9 of them with the default
 * divisions, 8.9 × 10^8 with a pinned one. Registration authority 9 / type 1 (an enterprise).
 * These are made-up codes for demo and benchmark data; they may coincide with a real firm's code.
 * @throws RangeError for a seed outside the range or a division that is not 6 digits.
 */
export function makeUscc(seed: number, options: MakeUsccOptions = {}): string {
  const divisions: readonly string[] = options.division ? [options.division] : LIAOCHENG_DIVISION_CODES;
  if (options.division !== undefined && !/^\d{6}$/.test(options.division)) {
    throw new RangeError(`A division code is 6 digits, got "${options.division}"`);
  }
  const capacity = divisions.length * BODY_SPACE;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed >= capacity) {
    throw new RangeError(`makeUscc seed must be an integer in [0, ${capacity}), got ${seed}`);
  }
  const division = divisions[seed % divisions.length]!;
  const index = Math.floor(seed / divisions.length);
  // index < 31^6 and the multiplier < 2^21, so the product stays well inside 2^53.
  let n = (index * BODY_MULTIPLIER + BODY_OFFSET) % BODY_SPACE;
  let free = '';
  for (let i = 0; i < 6; i++) {
    free = USCC_CHARSET.charAt(n % 31) + free;
    n = Math.floor(n / 31);
  }
  const body = `MA${free}`;
  const first17 = `91${division}${body}${computeOrgCodeCheckChar(body)}`;
  return first17 + computeUsccCheckChar(first17);
}
