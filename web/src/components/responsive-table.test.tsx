import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { ResponsiveTable } from './responsive-table';

// On a phone the rows are cards (responsive-table.tsx); the tests below are on a phone.
vi.mock('../lib/use-is-phone', () => ({ useIsPhone: () => true, usePhoneModalProps: () => ({}) }));

type Row = { id: string; name: string };
const rows: Row[] = Array.from({ length: 20 }, (_, i) => ({ id: `r${i}`, name: `企业${i}` }));

describe('table rows as cards on a phone', () => {
  it('says how many there are, as the desk pager does, and pages through the server', async () => {
    const onChange = vi.fn();
    const { user } = await renderWithProviders(
      <ResponsiveTable<Row>
        rowKey="id"
        dataSource={rows}
        columns={[{ title: '名称', dataIndex: 'name', key: 'name' }]}
        pagination={{ current: 1, pageSize: 20, total: 45, onChange, showTotal: (total) => `共 ${total} 条` }}
      />,
    );
    expect(screen.getByText('共 45 条')).toBeTruthy();
    expect(screen.getByText('第 1/3 页')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /下一页/ }));
    expect(onChange).toHaveBeenCalledWith(2, 20);
  });
});
