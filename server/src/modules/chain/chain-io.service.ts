// exceljs loads on first use (in the parse worker for imports, lazily here for exports), not at start (decision 012).
import { z } from 'zod';
import { CHAIN_LIMITS, CHAIN_POSITIONS, CHAIN_SCOPES, LINK_PRIORITIES } from '../../../../shared/src/chain';
import { UPLOAD_LIMITS } from '../../../../shared/src/upload-limits';
import type { ChainLinkTable } from '../../db/database';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { runParseTask } from '../../upload/parse-runner';
import { checkZipDirectory } from '../../upload/zip-guard';
import * as repo from './chain.repository';
import { createChain, getChain } from './chain.service';
import { CHAIN_FILE_FORMAT, POSITION_ZH, PRIORITY_ZH } from './chain-xlsx-format';

/**
 * Import and export of one chain as JSON or xlsx. Links are identified by an outline key ("1",
 * "1.2", "1.2.3") with the parent's key, so a file stays readable and editable by hand; leaders
 * are named by firm (matched by name or short name on import; unknown names are reported).
 */

const text = (max: number) => z.string().trim().max(max);
export const chainFileSchema = z.object({
  format: z.literal(CHAIN_FILE_FORMAT),
  version: z.literal(1),
  chain: z.object({
    name: text(120).min(1),
    nameEn: text(200).nullable().optional(),
    officialName: text(120).nullable().optional(),
    officialTitle: text(120).nullable().optional(),
    description: text(4000).nullable().optional(),
    goal: text(4000).nullable().optional(),
    scope: z.enum(CHAIN_SCOPES).optional(),
    region: text(200).nullable().optional(),
    isCityKey: z.boolean().optional(),
    leaders: z
      .array(z.object({ firmName: text(120).min(1), note: text(200).nullable().optional() }))
      .max(50)
      .optional(),
    parks: z
      .array(z.object({ name: text(120).min(1), note: text(200).nullable().optional() }))
      .max(50)
      .optional(),
    targets: z
      .array(
        z.object({
          year: z.number().int().min(2000).max(2100),
          projectsTarget: z.number().int().min(0).nullable().optional(),
          investmentTarget: z.number().int().min(0).nullable().optional(),
        }),
      )
      .max(50)
      .optional(),
  }),
  links: z
    .array(
      z.object({
        key: text(40).min(1),
        parentKey: text(40).nullable().optional(),
        name: text(120).min(1),
        position: z.enum(CHAIN_POSITIONS),
        description: text(4000).nullable().optional(),
        industryCodes: z.array(text(10)).max(CHAIN_LIMITS.maxCodesPerLink).optional(),
        keywords: z.array(text(40)).max(CHAIN_LIMITS.maxKeywordsPerLink).optional(),
        priority: z.enum(LINK_PRIORITIES).optional(),
      }),
    )
    .max(CHAIN_LIMITS.maxLinks),
});
export type ChainFile = z.infer<typeof chainFileSchema>;

/** The chain as a file object (what GET …/export?format=json answers). */
export async function exportChain(ctx: ServiceContext, id: string): Promise<ChainFile> {
  const c = await getChain(ctx, id);
  const keyOf = new Map<string, string>();
  const links: ChainFile['links'] = [];
  const visit = (parentId: string | null, prefix: string) => {
    const children = c.links.filter((l) => l.parentId === parentId).sort((a, b) => a.sortOrder - b.sortOrder);
    const ordered =
      parentId === null
        ? [...children].sort(
            (a, b) => CHAIN_POSITIONS.indexOf(a.position) - CHAIN_POSITIONS.indexOf(b.position),
          )
        : children;
    ordered.forEach((l, i) => {
      const key = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      keyOf.set(l.id, key);
      links.push({
        key,
        parentKey: parentId ? (keyOf.get(parentId) ?? null) : null,
        name: l.name,
        position: l.position,
        description: l.description,
        industryCodes: l.industryCodes,
        keywords: l.keywords,
        priority: l.priority,
      });
      visit(l.id, key);
    });
  };
  visit(null, '');
  return {
    format: CHAIN_FILE_FORMAT,
    version: 1,
    chain: {
      name: c.name,
      nameEn: c.nameEn,
      officialName: c.officialName,
      officialTitle: c.officialTitle,
      description: c.description,
      goal: c.goal,
      scope: c.scope,
      region: c.region,
      isCityKey: c.isCityKey,
      leaders: c.leaders.map((l) => ({ firmName: l.firmName, note: l.note })),
      parks: c.parks.map((p) => ({ name: p.name, note: p.note })),
      targets: c.targets,
    },
    links,
  };
}

const LINK_COLUMNS = [
  ['key', '编号', 'Key', 10],
  ['parentKey', '上级编号', 'Parent key', 10],
  ['name', '环节名称', 'Link', 24],
  ['position', '位置', 'Position', 8],
  ['industryCodes', '行业代码', 'Industry codes', 16],
  ['keywords', '关键词', 'Keywords', 30],
  ['priority', '优先级', 'Priority', 8],
  ['description', '说明', 'Description', 40],
] as const;

/** The chain as an xlsx workbook: sheet 产业链 (fields), sheet 环节 (one row per link). */
export async function exportChainXlsx(
  ctx: ServiceContext,
  id: string,
): Promise<{ name: string; bytes: Buffer }> {
  const file = await exportChain(ctx, id);
  const wb = new (await import('exceljs')).default.Workbook();
  const info = wb.addWorksheet('产业链');
  info.columns = [
    { header: '字段 Field', width: 24 },
    { header: '内容 Value', width: 60 },
  ];
  const c = file.chain;
  info.addRows([
    ['名称 name', c.name],
    ['英文名 nameEn', c.nameEn ?? ''],
    ['链长 officialName', c.officialName ?? ''],
    ['链长职务 officialTitle', c.officialTitle ?? ''],
    ['简介 description', c.description ?? ''],
    ['目标 goal', c.goal ?? ''],
    ['范围 scope', c.scope ?? 'zone'],
    ['地区 region', c.region ?? ''],
    ['市重点产业链 isCityKey', c.isCityKey ? '是' : '否'],
    ['链主企业 leaders', (c.leaders ?? []).map((l) => l.firmName).join('、')],
    ['载体园区 parks', (c.parks ?? []).map((p) => p.name).join('、')],
    ...(c.targets ?? []).map((t) => [
      `目标 ${t.year}`,
      `${t.projectsTarget ?? ''}|${t.investmentTarget ?? ''}`,
    ]),
  ]);
  const sheet = wb.addWorksheet('环节');
  sheet.columns = LINK_COLUMNS.map(([, zh, en, width]) => ({ header: `${zh} ${en}`, width }));
  sheet.getRow(1).font = { bold: true };
  for (const l of file.links) {
    sheet.addRow([
      l.key,
      l.parentKey ?? '',
      l.name,
      POSITION_ZH[l.position],
      (l.industryCodes ?? []).join(','),
      (l.keywords ?? []).join('、'),
      PRIORITY_ZH[l.priority ?? 'medium'],
      l.description ?? '',
    ]);
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { name: `${c.name}.xlsx`, bytes };
}

/**
 * Creates a new chain from an uploaded workbook: its zip directory is checked here (a bomb is
 * refused unread, 413), the sheets are read in the parse worker (time and memory capped).
 */
export async function importChainXlsx(ctx: ServiceContext, bytes: Buffer) {
  await checkZipDirectory(bytes, UPLOAD_LIMITS.chainXlsx);
  return importChain(ctx, await runParseTask('chainXlsx', { bytes }));
}

/** Creates a new chain from a file object; answers the chain and what could not be matched. */
export async function importChain(ctx: ServiceContext, raw: unknown, nameOverride?: string | null) {
  const parsed = chainFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw errors.validation(
      parsed.error.issues.slice(0, 20).map((i) => ({
        path: i.path.join('.'),
        message: { zh: `格式不正确：${i.message}`, en: i.message },
      })),
      { zh: '产业链文件格式不正确', en: 'The chain file is not valid' },
    );
  }
  const file = parsed.data;
  const nowIso = ctx.clock.now().toISOString();
  const idOf = new Map<string, string>();
  const rows: ChainLinkTable[] = [];
  const warnings: string[] = [];
  for (const [i, l] of file.links.entries()) {
    if (idOf.has(l.key))
      throw errors.validation([{ path: `links.${i}.key`, message: { zh: '编号重复', en: 'Duplicate key' } }]);
    const parentId = l.parentKey ? idOf.get(l.parentKey) : null;
    if (parentId === undefined) {
      throw errors.validation([
        {
          path: `links.${i}.parentKey`,
          message: { zh: '上级编号须在本行之前出现', en: 'The parent must come before its children' },
        },
      ]);
    }
    const id = newId();
    idOf.set(l.key, id);
    const parent = rows.find((r) => r.id === parentId);
    rows.push({
      id,
      chain_id: '',
      parent_id: parentId,
      name: l.name,
      position: parent?.position ?? l.position,
      sort_order: (i + 1) * 10,
      description: l.description ?? null,
      industry_codes_json: JSON.stringify(l.industryCodes ?? []),
      keywords_json: JSON.stringify(l.keywords ?? []),
      priority: l.priority ?? 'medium',
      is_sample: 0,
      created_at: nowIso,
      updated_at: nowIso,
    });
  }
  const leaders = [];
  for (const l of file.chain.leaders ?? []) {
    const firm = await repo.findFirmByName(ctx.db.kysely, l.firmName);
    if (firm) leaders.push({ firmId: firm.id, note: l.note ?? null });
    else warnings.push(`未找到链主企业：${l.firmName}`);
  }
  const c = file.chain;
  const chain = await createChain(
    ctx,
    {
      name: nameOverride || c.name,
      nameEn: c.nameEn,
      officialName: c.officialName,
      officialTitle: c.officialTitle,
      description: c.description,
      goal: c.goal,
      scope: c.scope,
      region: c.region,
      isCityKey: c.isCityKey,
      leaders,
      parks: c.parks,
      targets: c.targets,
    },
    rows,
  );
  return { chain, warnings };
}
