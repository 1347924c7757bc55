import type { Role } from '../../../../shared/src/roles';
import type { Db } from '../../db/connect';
import { newId } from '../../lib/ids';
import { hashPassword } from '../../lib/secrets';
import { addDepartments, linkHeadForSetup } from '../department/department.service';
import { newAccountState } from '../user/user.service';

/**
 * The zone of the newspaper page (PRODUCT.md). 商务和投资促进部 and its head 史明鉴 are on the page;
 * the other departments are the usual ones of a Chinese development zone and are flagged as sample.
 */
export const DEMO_ZONE = {
  name: '聊城经济技术开发区',
  shortName: '聊城经开区',
  region: '山东省聊城市',
} as const;

export const DEMO_DEPARTMENTS = [
  {
    code: 'D01',
    name: '商务和投资促进部',
    nameEn: 'Commerce and Investment Promotion',
    head: '史明鉴',
    sample: false,
  },
  {
    code: 'D02',
    name: '自然资源和规划部',
    nameEn: 'Natural Resources and Planning',
    head: null,
    sample: true,
  },
  {
    code: 'D03',
    name: '行政审批服务部',
    nameEn: 'Administrative Approval Services',
    head: null,
    sample: true,
  },
  { code: 'D04', name: '生态环境分局', nameEn: 'Ecology and Environment Branch', head: null, sample: true },
  { code: 'D05', name: '供电服务中心', nameEn: 'Power Supply Service Centre', head: null, sample: true },
  { code: 'D06', name: '财政金融部', nameEn: 'Finance', head: null, sample: true },
  { code: 'D07', name: '税务分局', nameEn: 'Tax Branch', head: null, sample: true },
  { code: 'D08', name: '建设管理部', nameEn: 'Construction Management', head: null, sample: true },
  {
    code: 'D09',
    name: '人力资源和社会保障部',
    nameEn: 'Human Resources and Social Security',
    head: null,
    sample: true,
  },
  { code: 'D10', name: '水务燃气服务中心', nameEn: 'Water and Gas Services', head: null, sample: true },
] as const;

/**
 * One demo user per role. The department user works in the power centre (factor requests) and is
 * its head (负责人, `headOf`), so the first escalation step of the centre's overdue request reaches
 * a person. The other units keep their head as text (商务和投资促进部: 史明鉴, from the page) until
 * an admin picks a user: no account is invented for a real person named on the page.
 */
export const DEMO_USERS: ReadonlyArray<{
  username: string;
  displayName: string;
  role: Role;
  department?: string;
  headOf?: string;
}> = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', department: 'D01' },
  { username: 'leader', displayName: '开发区领导（示例）', role: 'leader' },
  { username: 'officer', displayName: '招商专员（示例）', role: 'officer', department: 'D01' },
  {
    username: 'dept',
    displayName: '供电服务中心（示例）',
    role: 'department',
    department: 'D05',
    headOf: 'D05',
  },
  // Bound to 乖宝宠物 once the firm exists (pipeline demo data binds it).
  { username: 'firm', displayName: '乖宝宠物（企业用户）', role: 'enterprise' },
  // The supervision office (督查室) verifies closings of tasks and problem items (decision 013).
  { username: 'duchashi', displayName: '督查室（示例）', role: 'supervisor' },
];

export async function seedZoneAndDepartments(db: Db, nowIso: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('zone')
      .values({
        id: newId(),
        name: DEMO_ZONE.name,
        short_name: DEMO_ZONE.shortName,
        region: DEMO_ZONE.region,
        created_at: nowIso,
      })
      .execute();
    const rows = DEMO_DEPARTMENTS.map((d) => {
      const id = newId();
      ids.set(d.code, id);
      return {
        id,
        code: d.code,
        name: d.name,
        name_en: d.nameEn,
        head_name: d.head,
        head_user_id: null,
        is_sample: d.sample ? 1 : 0,
        created_at: nowIso,
      };
    });
    await addDepartments(trx, rows);
  });
  return ids;
}

export async function seedDemoUsers(
  db: Db,
  password: string,
  departments: Map<string, string>,
  nowIso: string,
) {
  const rows = [];
  for (const u of DEMO_USERS) {
    rows.push({
      id: newId(),
      username: u.username,
      display_name: u.displayName,
      password_hash: await hashPassword(password),
      role: u.role,
      department_id: u.department ? (departments.get(u.department) ?? null) : null,
      firm_id: null,
      // Demo accounts skip the first-login change so a visitor can look around at once.
      must_change_password: 0,
      ...newAccountState(nowIso),
    });
  }
  await db.kysely.insertInto('app_user').values(rows).execute();
  for (const [i, u] of DEMO_USERS.entries()) {
    const dept = u.headOf ? departments.get(u.headOf) : undefined;
    if (dept) await linkHeadForSetup(db.kysely, dept, rows[i]!.id);
  }
}
