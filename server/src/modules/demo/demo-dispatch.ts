import { addDays, periodOf, todayInShanghai } from '../../../../shared/src/dates';
import { TARGET_METRICS } from '../../../../shared/src/dispatch';
import type { Db } from '../../db/connect';
import type { RoundReportTable, RoundTable, TargetTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { PAGE_DATE } from './demo-pipeline';

/**
 * Demo dispatch data (issue 6), after the pipeline and chain seeders. Three weekly rounds around
 * the page's date (15 Aug 2024) over the page's projects and the sample key projects, with the
 * page's facts as the narratives (乖宝: workshops; 瀚洋: main structure done on 15 Aug), one round
 * in the current week, and 2024 and current-year targets. Figures and the targets are invented
 * sample data (is_sample = 1): the page gives no weekly amounts.
 */

const WAN = 10_000;

const PAGE_NARRATIVES: Record<string, { narrative: string; problems?: string }> = {
  'XM2024-00001': {
    narrative:
      '8月15日主体完工，正在进行屋面及外立面施工，预计10月竣工；设备计划明年上半年进场，随后投产。现场联系人：赵夏。',
  },
  'XM2024-00002': { narrative: '项目在建，高端智能家居年产2万套，预计年底投产。' },
  'XM2024-00003': {
    narrative:
      '3月开工，2个月完成基础施工；2栋车间主体框架已完工，2栋在建，年底前完成竣工验收。现场联系人：姜子振。',
    problems: '新建车间临时用电需增容，请协调供电部门。',
  },
  'XM2024-00004': { narrative: '智能工厂扩建项目推进中。' },
};

function round(kind: 'week', date: string, nowIso: string): RoundTable {
  const p = periodOf(kind, date);
  return {
    id: newId(),
    title: `${p.label.zh}重点项目调度（示例）`,
    kind,
    period_key: p.key,
    period_start: p.start,
    period_end: p.end,
    deadline: addDays(p.end, 1),
    selection_json: JSON.stringify({ stages: [], priorities: ['provincial', 'municipal'] }),
    is_sample: 1,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
}

export async function seedDemoDispatch(db: Db, nowIso: string): Promise<void> {
  const k = db.kysely;
  const users = await k
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'firm_id'])
    .execute();
  const firmUser = users.find((u) => u.username === 'firm');
  const officer = users.find((u) => u.username === 'officer');
  const projects = await k
    .selectFrom('project')
    .select(['id', 'code', 'total_investment', 'priority', 'stage', 'funds_in_place'])
    .where('stage', 'not in', ['paused', 'cancelled', 'full_capacity'])
    .orderBy('code')
    .execute();
  const page = projects.filter((p) => p.code in PAGE_NARRATIVES);
  const key = projects
    .filter(
      (p) => !(p.code in PAGE_NARRATIVES) && (p.priority === 'provincial' || p.priority === 'municipal'),
    )
    .slice(0, 12);
  const asked = [...page, ...key];
  const investorOf = new Map(
    (
      await k
        .selectFrom('project_investor')
        .select(['project_id', 'firm_id'])
        .where('position', '=', 0)
        .execute()
    ).map((r) => [r.project_id, r.firm_id]),
  );
  const guaibaoFirm = firmUser?.firm_id ?? null;

  const today = todayInShanghai(new Date(nowIso));
  const rounds = [
    round('week', addDays(PAGE_DATE, -7), nowIso),
    round('week', PAGE_DATE, nowIso),
    round('week', addDays(PAGE_DATE, 7), nowIso),
  ];
  if (today > '2024-09-30') rounds.push(round('week', today, nowIso));

  const reports: RoundReportTable[] = [];
  rounds.forEach((r, ri) => {
    asked.forEach((p, pi) => {
      // The latest rounds are not fully reported: who has not reported is part of the demo.
      const last = ri === rounds.length - 1;
      if (last && pi % 3 === 2) return;
      if (ri === 2 && pi % 4 === 3) return;
      const invested =
        Math.round(((Number(p.total_investment ?? 0) || 50_000 * WAN) * (1 + ((pi + ri) % 3))) / 400 / WAN) *
        WAN;
      const own = investorOf.get(p.id) ?? null;
      const byFirm = own !== null && own === guaibaoFirm;
      const reporter = byFirm ? firmUser : officer;
      const late = ri === 1 && pi % 5 === 4 ? 1 : 0;
      const facts = PAGE_NARRATIVES[p.code];
      reports.push({
        id: newId(),
        round_id: r.id,
        project_id: p.id,
        firm_id: own,
        reporter_id: reporter?.id ?? null,
        reporter_name: reporter?.display_name ?? null,
        reporter_role: byFirm ? 'enterprise' : 'officer',
        investment_period: invested,
        funds_period: Math.round((invested * 0.8) / WAN) * WAN,
        exports_period: 0,
        investment_in_stats: 1,
        output_period: null,
        tax_period: null,
        investment_cumulative: null,
        funds_cumulative: p.funds_in_place === null ? null : Number(p.funds_in_place),
        narrative: facts?.narrative ?? '按计划推进（示例）。',
        problems: ri === 1 ? (facts?.problems ?? null) : null,
        submitted_at: new Date(
          Date.parse(`${late ? addDays(r.deadline, 1) : r.period_end}T10:00:00+08:00`),
        ).toISOString(),
        late,
        is_sample: 1,
        version: 1,
        created_at: nowIso,
        updated_at: nowIso,
      });
    });
  });

  const years = [...new Set([2024, Number(today.slice(0, 4))])];
  const targets: TargetTable[] = [];
  const zone = await k.selectFrom('zone').select(['id', 'name']).executeTakeFirst();
  const parks = ['坤源宠物食品用品产业园', '现代装备智造产业园', '绿色食品产业园', '双创产业园'];
  const zoneValues: Record<string, number> = {
    projects_signed: 30,
    investment_signed: 150 * 100_000_000,
    projects_started: 20,
    funds_in_place: 60 * 100_000_000,
    fixed_asset_investment: 80 * 100_000_000,
    exports: 20 * 100_000_000,
  };
  for (const year of years) {
    for (const metric of TARGET_METRICS) {
      const base = { year, metric, is_sample: 1, version: 1, created_at: nowIso, updated_at: nowIso };
      targets.push({
        ...base,
        id: newId(),
        unit_type: 'zone',
        unit_key: zone?.id ?? 'zone',
        unit_name: zone?.name ?? '开发区',
        value: zoneValues[metric] as number,
      });
      parks.forEach((park, i) => {
        targets.push({
          ...base,
          id: newId(),
          unit_type: 'park',
          unit_key: park,
          unit_name: park,
          value: Math.round((zoneValues[metric] as number) / (4 + i)),
        });
      });
    }
  }

  await k.transaction().execute(async (trx) => {
    for (const r of rounds) {
      await trx.insertInto('round').values(r).execute();
      if (asked.length > 0) {
        await trx
          .insertInto('round_project')
          .values(asked.map((p) => ({ round_id: r.id, project_id: p.id })))
          .execute();
      }
    }
    for (let i = 0; i < reports.length; i += 200)
      await trx
        .insertInto('round_report')
        .values(reports.slice(i, i + 200))
        .execute();
    // Each sample report is its own first revision, like one filed through the API.
    const revisions = reports.map((r) => ({
      report_id: r.id,
      version: r.version,
      reporter_id: r.reporter_id,
      reporter_name: r.reporter_name,
      reporter_role: r.reporter_role,
      investment_period: r.investment_period,
      investment_in_stats: r.investment_in_stats,
      funds_period: r.funds_period,
      exports_period: r.exports_period,
      output_period: r.output_period,
      tax_period: r.tax_period,
      investment_cumulative: r.investment_cumulative,
      funds_cumulative: r.funds_cumulative,
      narrative: r.narrative,
      problems: r.problems,
      written_at: r.updated_at,
    }));
    for (let i = 0; i < revisions.length; i += 200)
      await trx
        .insertInto('round_report_revision')
        .values(revisions.slice(i, i + 200))
        .execute();
    for (let i = 0; i < targets.length; i += 200)
      await trx
        .insertInto('target')
        .values(targets.slice(i, i + 200))
        .execute();
  });
}
