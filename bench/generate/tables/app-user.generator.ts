import type { Role } from '../../../shared/src/roles';
import { defineGenerator } from '../types';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强海燕文博宇航晨曦子涵思远浩然欣怡'.split('');
const PINYIN_SYLLABLES = [
  'wang',
  'li',
  'zhang',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'wu',
  'zhou',
  'xu',
  'sun',
];

/** Share of accounts per role: mostly officers and department staff, a few leaders and admins. */
const ROLE_MIX: ReadonlyArray<readonly [Role, number]> = [
  ['admin', 1],
  ['leader', 4],
  ['officer', 35],
  ['department', 40],
  ['enterprise', 20],
];

/** The benchmark logs in as user 0, `admin`; the others are generated staff and enterprise accounts. */
export const BENCH_ADMIN = 'admin';

export const appUserGenerator = defineGenerator({
  table: 'app_user',
  version: 2,
  // firm: enterprise users are bound to a firm (and app_user.firm_id references firm on PostgreSQL,
  // so regenerating firms truncates users: they must be regenerated with them).
  dependsOn: ['department', 'firm'],
  counts: { small: 30, zone: 300, province: 3_000 },
  columns: [
    'id',
    'username',
    'display_name',
    'password_hash',
    'role',
    'department_id',
    'firm_id',
    'must_change_password',
    'disabled',
    'failed_logins',
    'locked_until',
    'last_login_at',
    'password_changed_at',
    'version',
    'created_at',
    'updated_at',
  ],
  *rows(ctx) {
    const { rng } = ctx;
    const n = appUserGenerator.counts[ctx.scale];
    const departments = ctx.count('department');
    const firms = ctx.count('firm');
    for (let i = 0; i < n; i++) {
      const role: Role = i === 0 ? 'admin' : rng.weighted(ROLE_MIX);
      const created = ctx.nowMs - rng.int(30, 3 * 365) * 86_400_000;
      const createdIso = new Date(created).toISOString();
      const staff = role !== 'enterprise';
      yield {
        id: ctx.idOf('app_user', i),
        username: i === 0 ? BENCH_ADMIN : `${rng.pick(PINYIN_SYLLABLES)}${rng.pick(PINYIN_SYLLABLES)}${i}`,
        display_name:
          i === 0
            ? '系统管理员'
            : `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.6) ? rng.pick(GIVEN) : ''}`,
        password_hash: ctx.passwordHash,
        role,
        department_id:
          staff && departments > 0 ? ctx.idOf('department', i === 0 ? 0 : rng.int(0, departments - 1)) : null,
        // Picked by index, not from rng, so the other columns stay as they were before firms existed.
        firm_id: role === 'enterprise' && firms > 0 ? ctx.idOf('firm', (i * 7919) % firms) : null,
        must_change_password: 0,
        disabled: i > 0 && rng.chance(0.03) ? 1 : 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: new Date(ctx.nowMs - rng.int(0, 30 * 86_400) * 1000).toISOString(),
        password_changed_at: createdIso,
        version: 1,
        created_at: createdIso,
        updated_at: createdIso,
      };
    }
  },
});
