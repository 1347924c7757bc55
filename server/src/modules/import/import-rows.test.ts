import { describe, expect, it } from 'vitest';
import { makeUscc } from '../../../../shared/src/uscc';
import { readBool, readDate, readEnum, readInvestors, readMoney } from './import-cells';
import { SIZE_OPTIONS, STAGE_OPTIONS } from './import-columns';
import { checkRow, formatIssues, validateFirmRow, validateLeadRow, validateProjectRow } from './import-rows';

const index = (keys: string[]) => new Map(keys.map((k, i) => [k, i + 1]));

describe('import cell readers', () => {
  it('reads money as people type it, and refuses fractions of a yuan', () => {
    expect(readMoney('5.6亿')).toEqual({ ok: true, value: 560_000_000 });
    expect(readMoney('4000万')).toEqual({ ok: true, value: 40_000_000 });
    expect(readMoney(12345)).toEqual({ ok: true, value: 12_345 });
    expect(readMoney('')).toEqual({ ok: true, value: null });
    expect(readMoney('12.5元').ok).toBe(false);
    expect(readMoney('abc').ok).toBe(false);
  });

  it('reads dates from Excel dates, serials and Chinese text; refuses impossible ones', () => {
    expect(readDate(new Date(Date.UTC(2024, 7, 15)))).toEqual({ ok: true, value: '2024-08-15' });
    expect(readDate(45519)).toEqual({ ok: true, value: '2024-08-15' });
    expect(readDate('2024/8/15')).toEqual({ ok: true, value: '2024-08-15' });
    expect(readDate('2024年8月15日')).toEqual({ ok: true, value: '2024-08-15' });
    expect(readDate('2024-02-30').ok).toBe(false);
    expect(readDate('下周').ok).toBe(false);
  });

  it('reads dropdown labels (Chinese, English or key), yes/no, investors with shares', () => {
    expect(readEnum('开工', STAGE_OPTIONS)).toEqual({ ok: true, value: 'started' });
    expect(readEnum('Large', SIZE_OPTIONS)).toEqual({ ok: true, value: 'large' });
    const bad = readEnum('巨型', SIZE_OPTIONS);
    expect(bad.ok || bad.message.zh).toContain('大型、中型、小型、微型');
    expect(readBool('是')).toEqual({ ok: true, value: true });
    expect(readBool('否')).toEqual({ ok: true, value: false });
    expect(readBool('也许').ok).toBe(false);
    expect(
      readInvestors('瀚洋重工装备制造（天津）有限公司 60%；聊城市宏通地质工程机械设备有限公司：40'),
    ).toEqual({
      ok: true,
      value: [
        { ref: '瀚洋重工装备制造（天津）有限公司', sharePct: 60 },
        { ref: '聊城市宏通地质工程机械设备有限公司', sharePct: 40 },
      ],
    });
  });
});

describe('import row validators (the create routes’ schemas and the services’ checks)', () => {
  it('accepts a good firm row and normalises USCC and industry code as the service does', () => {
    const uscc = makeUscc(700_001);
    const { draft, issues } = validateFirmRow({
      name: '乖宝宠物食品集团股份有限公司',
      uscc: uscc.toLowerCase(),
      industryCode: 'C13',
    });
    expect(issues).toEqual([]);
    expect(draft).toMatchObject({ uscc, nameNorm: '乖宝宠物食品集团', codes: { industryCode: '13' } });
  });

  it('names the column and the reason for every problem of a firm row, in Chinese then English', () => {
    const good = makeUscc(700_002);
    const wrong = `${good.slice(0, 17)}${good.at(-1) === '0' ? '1' : '0'}`;
    const cells = [undefined, '', wrong, '12.5元', '巨型'];
    const { draft, issues } = checkRow(
      'firm',
      index(['name', 'uscc', 'registeredCapital', 'sizeClass']),
      cells,
      validateFirmRow,
    );
    expect(draft).toBeNull();
    const text = formatIssues(issues);
    expect(text).toContain('企业名称：必填');
    expect(text).toContain('统一社会信用代码：统一社会信用代码校验位错误');
    expect(text).toContain(`应为“${good.at(-1)}”`);
    expect(text).toContain('注册资本：金额“12.5元”精确到了元以下');
    expect(text).toContain('企业规模：“巨型”不是可选值');
    expect(text.split(' / ')[1]).toContain('Firm name: required');
  });

  it('refuses an unknown industry code and an over-long name like the route does', () => {
    expect(formatIssues(validateFirmRow({ name: '某公司', industryCode: '9999' }).issues)).toContain(
      '行业代码',
    );
    expect(formatIssues(validateFirmRow({ name: '长'.repeat(121) }).issues)).toContain(
      '企业名称：最多120个字',
    );
  });

  it('checks lead and project rows against their create schemas', () => {
    expect(validateLeadRow({ title: '线索', target: '某公司', source: 'online' }).issues).toEqual([]);
    expect(
      formatIssues(
        validateLeadRow({ title: '线索', target: '某公司', source: 'online', code: 'X'.repeat(41) }).issues,
      ),
    ).toContain('线索编号');
    const p = validateProjectRow({
      name: '项目',
      expectedJobs: -1,
      investors: [{ ref: '甲', sharePct: 120 }],
    });
    const text = formatIssues(p.issues);
    expect(text).toContain('预计就业（人）：不能小于0');
    expect(text).toContain('投资方：不能超过100');
  });
});
