import { addDays, todayInShanghai } from '../../../../shared/src/dates';
import type { Db } from '../../db/connect';
import type { FactorRequestTable, ProblemItemTable, RequestEventTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { departmentIdsByCode } from '../department/department.service';

/**
 * Sample factor requests on the page's projects and a partly rectified problem list (the page
 * names neither, so all of it is is_sample = 1), dated around today so some are overdue.
 */
export async function seedDemoRequests(db: Db, nowIso: string): Promise<void> {
  const k = db.kysely;
  const today = todayInShanghai(new Date(nowIso));
  const day = (n: number) => addDays(today, n);
  const at = (n: number) => new Date(new Date(nowIso).getTime() + n * 86_400_000).toISOString();
  const depts = await departmentIdsByCode(k);
  const dep = (code: string) => depts.get(code) as string;
  const users = new Map(
    (await k.selectFrom('app_user').select(['id', 'username']).execute()).map((u) => [u.username, u]),
  );
  const projects = await k
    .selectFrom('project')
    .innerJoin('project_investor', 'project_investor.project_id', 'project.id')
    .select(['project.id', 'project.code', 'project_investor.firm_id'])
    .where('project.code', 'in', ['XM2024-00001', 'XM2024-00002', 'XM2024-00003', 'XM2024-00004'])
    .execute();
  const proj = (code: string) => projects.find((p) => p.code === code);

  // Factor requests on the page's projects (invented: the page names none).
  const requests: FactorRequestTable[] = [];
  const events: RequestEventTable[] = [];
  let reqNo = 0;
  const request = (
    projectCode: string,
    r: Partial<FactorRequestTable> & { type: string; title: string; status: string },
    history: Array<[string, string | null, number]>,
  ) => {
    const p = proj(projectCode);
    if (!p) return;
    reqNo += 1;
    const row: FactorRequestTable = {
      id: newId(),
      code: `YS${today.slice(0, 4)}-${String(reqNo).padStart(5, '0')}`,
      project_id: p.id,
      firm_id: p.firm_id,
      description: null,
      needed_by: null,
      status_reason: null,
      department_id: null,
      deadline: null,
      resolution: null,
      assigned_at: null,
      resolved_at: null,
      confirmed_at: null,
      raised_by_id: users.get('firm')?.id ?? null,
      raised_by_name: '姜子振（示例）',
      is_sample: 1,
      version: 1,
      created_at: at(history[0]?.[2] ?? 0),
      updated_at: nowIso,
      ...r,
    };
    requests.push(row);
    let from: string | null = null;
    for (const [to, note, when] of history) {
      events.push({
        id: newId(),
        request_id: row.id,
        kind: to === 'assigned' ? 'assign' : 'status',
        from_status: from,
        to_status: to,
        department_id: to === 'assigned' ? row.department_id : null,
        deadline: to === 'assigned' ? row.deadline : null,
        note,
        actor_id: null,
        actor_name: '示例',
        at: at(when),
      });
      from = to;
    }
  };
  request(
    'XM2024-00003',
    {
      type: 'power',
      title: '新建车间10kV双回路供电扩容',
      description: '2栋新车间设备进场前需完成供电扩容（示例）',
      status: 'in_progress',
      department_id: dep('D05'),
      deadline: day(-6),
      assigned_at: at(-20),
    },
    [
      ['submitted', null, -21],
      ['assigned', null, -20],
      ['accepted', null, -19],
      ['in_progress', '已完成现场勘察（示例）', -15],
    ],
  );
  request(
    'XM2024-00001',
    {
      type: 'approval',
      title: '压力容器制造许可证办理',
      status: 'accepted',
      department_id: dep('D03'),
      deadline: day(5),
      assigned_at: at(-5),
    },
    [
      ['submitted', null, -6],
      ['assigned', null, -5],
      ['accepted', null, -4],
    ],
  );
  request(
    'XM2024-00002',
    { type: 'gas', title: '喷涂车间天然气接入', status: 'submitted', needed_by: day(30) },
    [['submitted', null, -1]],
  );
  request(
    'XM2024-00004',
    {
      type: 'land',
      title: '智能工厂扩建项目新增用地指标',
      status: 'resolved',
      department_id: dep('D02'),
      deadline: day(10),
      assigned_at: at(-12),
      resolved_at: at(-2),
      resolution: '已纳入年度用地计划（示例）',
    },
    [
      ['submitted', null, -13],
      ['assigned', null, -12],
      ['accepted', null, -11],
      ['resolved', '已纳入年度用地计划（示例）', -2],
    ],
  );
  request(
    'XM2024-00003',
    {
      type: 'labour',
      title: '一期投产技术工人招聘',
      status: 'confirmed',
      department_id: dep('D09'),
      deadline: day(-10),
      assigned_at: at(-30),
      resolved_at: at(-25),
      confirmed_at: at(-24),
      resolution: '组织专场招聘会2场（示例）',
    },
    [
      ['submitted', null, -31],
      ['assigned', null, -30],
      ['accepted', null, -29],
      ['resolved', '组织专场招聘会2场（示例）', -25],
      ['confirmed', null, -24],
    ],
  );

  // A problem list from an inspection, partly rectified.
  const listId = newId();
  const items: Array<[string, string, string, number, number | null]> = [
    ['项目审批材料重复提交', '推行“一次告知、一表申请”', 'D03', -20, -25],
    ['园区道路照明不足', '增设路灯并纳入日常巡查', 'D08', -15, -10],
    ['企业反映融资对接渠道少', '每季度举办银企对接会', 'D06', -5, null],
    ['供电抢修响应时间偏长', '设立园区供电服务网格员', 'D05', 10, null],
    ['部分企业环评手续办理进度慢', '建立环评审批绿色通道', 'D04', 20, null],
  ];
  // Two closings wait for the 督查室 (decision 013): each proposed with a linked record as evidence.
  const proposedWith = new Map<number, { evidence: string; entity: string; id: string | undefined }>([
    [
      2,
      {
        evidence: '已举办银企对接会1场，乖宝宠物项目获3家银行授信意向（示例）',
        entity: 'project',
        id: proj('XM2024-00003')?.id,
      },
    ],
    [
      3,
      {
        evidence: '园区供电服务网格员6名已上岗，抢修响应缩短至30分钟（示例）',
        entity: 'request',
        id: requests.find((r) => r.type === 'power')?.id,
      },
    ],
  ]);
  const problemItems: ProblemItemTable[] = items.map(([problem, measure, d, deadline, closedAt], i) => {
    const proposal = proposedWith.get(i);
    const closed = closedAt !== null;
    return {
      id: newId(),
      list_id: listId,
      position: i + 1,
      problem,
      measure,
      department_id: dep(d),
      deadline: day(deadline),
      closed_date: closed ? day(closedAt) : null,
      evidence: closed ? '整改完成，附现场照片（示例）' : (proposal?.evidence ?? null),
      closed_by_name: closed ? '督查室（示例）' : null,
      close_status: closed ? 'verified' : proposal?.id ? 'proposed' : 'open',
      rectified_date: closed ? day(closedAt) : proposal?.id ? day(-1) : null,
      proposed_at: closed || proposal?.id ? at(-1) : null,
      proposed_by_name: closed || proposal?.id ? '示例填报' : null,
      verified_at: closed ? at(closedAt) : null,
      return_reason: null,
      returned_at: null,
      returned_by_name: null,
      evidence_entity: proposal?.id ? proposal.entity : null,
      evidence_entity_id: proposal?.id ?? null,
      version: 1,
      created_at: nowIso,
      updated_at: nowIso,
    };
  });

  await k.transaction().execute(async (trx) => {
    if (requests.length > 0) {
      await trx.insertInto('factor_request').values(requests).execute();
      await trx.insertInto('request_event').values(events).execute();
    }
    await trx
      .insertInto('problem_list')
      .values({
        id: listId,
        code: `WT${today.slice(0, 4)}-001`,
        title: '营商环境专项督查问题清单',
        source: 'inspection',
        source_title: '开发区营商环境专项督查（示例）',
        issued_date: day(-40),
        is_sample: 1,
        version: 1,
        created_at: nowIso,
        updated_at: nowIso,
      })
      .execute();
    await trx.insertInto('problem_item').values(problemItems).execute();
  });
}
