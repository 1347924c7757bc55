import { screen } from '@testing-library/react';
import { Button, Form } from 'antd';
import { describe, expect, it } from 'vitest';
import { useI18n } from '../locales/i18n-context';
import { renderWithProviders } from '../test/render';
import { MoneyInput, moneyRule, moneyToYuan, yuanToMoneyText } from './money-input';

/** The way every form uses the amount box: a Form.Item with `moneyRule`, yuan taken on submit. */
function AmountForm(props: {
  required?: boolean;
  initialYuan?: number;
  onSubmit: (yuan: number | null) => void;
}) {
  const { pick } = useI18n();
  return (
    <Form
      initialValues={{ amount: yuanToMoneyText(props.initialYuan) }}
      onFinish={(values: { amount?: string }) => props.onSubmit(moneyToYuan(values.amount))}
    >
      <Form.Item name="amount" label="总投资" rules={[moneyRule(pick, props.required)]}>
        <MoneyInput data-testid="amount" />
      </Form.Item>
      <Button htmlType="submit">submit</Button>
    </Form>
  );
}

async function renderAmountForm(
  options: { required?: boolean; initialYuan?: number; lang?: 'zh' | 'en' } = {},
) {
  const submitted: (number | null)[] = [];
  const view = await renderWithProviders(
    <AmountForm
      required={options.required}
      initialYuan={options.initialYuan}
      onSubmit={(yuan) => submitted.push(yuan)}
    />,
    { lang: options.lang },
  );
  return {
    ...view,
    submitted,
    input: () => screen.getByTestId('amount') as HTMLInputElement,
    submit: () => view.user.click(screen.getByRole('button', { name: 'submit' })),
  };
}

describe('amount box (万元 / 亿元)', () => {
  it.each([
    { typed: '5.6亿', shown: '= 5.6亿元', yuan: 560_000_000 },
    { typed: '1234 万元', shown: '= 1234万元', yuan: 12_340_000 },
    { typed: '1亿2000万', shown: '= 1.2亿元', yuan: 120_000_000 },
    { typed: '860000', shown: '= 86万元', yuan: 860_000 },
    { typed: '12,345元', shown: '= 1.23万元', yuan: 12_345 },
  ])('reads “$typed” as $yuan yuan and shows “$shown” beside it', async ({ typed, shown, yuan }) => {
    const form = await renderAmountForm();
    await form.user.type(form.input(), typed);
    expect(screen.getByText(shown)).toBeTruthy();
    await form.submit();
    await expect.poll(() => form.submitted, { timeout: 10_000 }).toEqual([yuan]);
  });

  it('shows the reading the English way in English', async () => {
    const form = await renderAmountForm({ lang: 'en' });
    await form.user.type(form.input(), '5.6亿');
    expect(screen.getByText('= ¥560 million')).toBeTruthy();
  });

  it('gives a stored amount back as text that keeps every yuan', async () => {
    const form = await renderAmountForm({ initialYuan: 123_456_789 });
    expect(form.input().value).toBe('1.23456789亿元');
    expect(screen.getByText('= 1.23亿元')).toBeTruthy();
    await form.submit();
    await expect.poll(() => form.submitted, { timeout: 10_000 }).toEqual([123_456_789]);
  });

  it.each([
    { typed: '3万5', message: /^无法识别金额“3万5”/ },
    { typed: '1.5元', message: /^金额“1.5元”精确到了元以下/ },
    { typed: '-20万', message: '金额不能为负数' },
  ])('refuses “$typed”, saying why, shows no reading and submits nothing', async ({ typed, message }) => {
    const form = await renderAmountForm();
    await form.user.type(form.input(), typed);
    expect(screen.queryByText(/^= /)).toBeNull();
    await form.submit();
    expect(await screen.findByText(message)).toBeTruthy();
    expect(form.submitted).toEqual([]);
  });

  it('empty is no amount, unless the form requires one', async () => {
    const optional = await renderAmountForm();
    await optional.submit();
    await expect.poll(() => optional.submitted, { timeout: 10_000 }).toEqual([null]);
    optional.unmount();

    const required = await renderAmountForm({ required: true });
    await required.submit();
    expect(await screen.findByText('请输入金额')).toBeTruthy();
    expect(required.submitted).toEqual([]);
  });
});
