import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUscc, USCC_CHARSET } from '../../../../../shared/src/uscc';
import { fakeApi } from '../../../test/fake-api';
import { renderWithProviders } from '../../../test/render';
import { FirmFormModal } from './firm-form-modal';

const FIRM_NAME = '聊城测试食品有限公司';

/** A code whose check character (position 18) is another character than the right one. */
interface WrongCode {
  code: string;
  expected: string;
  typed: string;
}

function withWrongCheckChar(code: string): WrongCode {
  const expected = code.charAt(17);
  const typed = USCC_CHARSET.charAt((USCC_CHARSET.indexOf(expected) + 1) % USCC_CHARSET.length);
  return { code: code.slice(0, 17) + typed, expected, typed };
}

/**
 * Opens the create form against a fake API that accepts the firm. Codes and names are pasted, as
 * people copy them from the registry; typing them key by key only makes the test slower.
 */
async function openCreateForm(lang: 'zh' | 'en' = 'zh') {
  const api = fakeApi({
    'POST /api/firms': (request) => ({ status: 201, body: { id: 'firm-1', ...(request.body as object) } }),
  });
  const view = await renderWithProviders(<FirmFormModal onClose={() => {}} />, { lang });
  const { user } = view;
  const paste = async (element: HTMLElement, text: string) => {
    await user.click(element);
    await user.paste(text);
  };
  await paste(screen.getByTestId('firm-name'), FIRM_NAME);
  return {
    api,
    user,
    pasteUscc: (code: string) => paste(screen.getByTestId('firm-uscc'), code),
    capital: () => screen.getByPlaceholderText(lang === 'zh' ? '如 5.6亿、4000万' : 'e.g. 5.6亿, 4000万'),
    submit: () => user.click(screen.getByTestId('firm-submit')),
  };
}

describe('firm form: USCC (统一社会信用代码)', () => {
  it.each([
    {
      lang: 'zh' as const,
      message: (w: WrongCode) =>
        `统一社会信用代码校验位错误：第18位应为“${w.expected}”，实为“${w.typed}”，请核对代码`,
    },
    {
      lang: 'en' as const,
      message: (w: WrongCode) =>
        `Wrong check character in the unified social credit code: character 18 should be "${w.expected}", not "${w.typed}". Please check the code`,
    },
  ])(
    'refuses a wrong check character ($lang), naming the field and the right character, and sends nothing',
    async ({ lang, message }) => {
      const form = await openCreateForm(lang);
      const wrong = withWrongCheckChar(makeUscc(1));
      await form.pasteUscc(wrong.code);
      await form.submit();
      expect(await screen.findByText(message(wrong))).toBeTruthy();
      expect(form.api.writesTo('/api/firms')).toEqual([]);
    },
  );

  it('takes a right code as pasted (spaces, lower case) and sends it normalised', async () => {
    const form = await openCreateForm('zh');
    const code = makeUscc(3);
    const pasted = ` ${code.slice(0, 8)} ${code.slice(8).toLowerCase()} `;
    await form.pasteUscc(pasted);
    await form.submit();
    expect(await screen.findByText('企业已创建')).toBeTruthy();
    expect(form.api.writesTo('/api/firms')).toEqual([
      expect.objectContaining({ name: FIRM_NAME, uscc: code, registeredCapital: null }),
    ]);
  });
});

// How amounts are read, shown and refused is money-input.test.tsx's; here, that the firm form uses it.
describe('firm form: registered capital in 万元 / 亿元', () => {
  it('sends “5.6亿” as 560000000 yuan, showing how it was read', async () => {
    const form = await openCreateForm('zh');
    await form.user.type(form.capital(), '5.6亿');
    expect(screen.getByText('= 5.6亿元')).toBeTruthy();
    await form.submit();
    expect(await screen.findByText('企业已创建')).toBeTruthy();
    expect(form.api.writesTo('/api/firms')).toEqual([
      expect.objectContaining({ name: FIRM_NAME, registeredCapital: 560_000_000 }),
    ]);
  });

  it('refuses an amount it cannot read, saying why, and sends nothing', async () => {
    const form = await openCreateForm('zh');
    await form.user.type(form.capital(), '3万5');
    await form.submit();
    expect(await screen.findByText(/^无法识别金额“3万5”/)).toBeTruthy();
    expect(form.api.writesTo('/api/firms')).toEqual([]);
  });
});
