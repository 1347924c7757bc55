import { PassThrough } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { EXPORT_LIMITS } from '../../../../shared/src/excel-limits';
import type { ServiceContext } from '../../plugins/context';
import { getChain } from '../chain/chain.service';
import { firmAudienceOf } from '../firm/firm.policy';
import { type FirmListFilter, getFirm, listFirmRecords } from '../firm/firm.service';
import { type LeadListFilter, listLeadRecords } from '../lead/lead.service';
import { listProjectRecords, type ProjectListFilter } from '../project/project.service';
import { listOfficers } from '../user/officer.service';
import { type ExportColumn, excelDateTime, FIRM_EXPORT, LEAD_EXPORT, PROJECT_EXPORT } from './export-columns';
import { describeQuery } from './export-filter-words';

/**
 * Exports of the firm, lead and project lists (导出): the list's own service with the list's own
 * filters and sort — so the scope rules hold (an enterprise user exports only its firm and its
 * projects) — read page by page and streamed into the xlsx as it is written. Each page is one
 * short query and the event loop is yielded between pages, so a big export does not stall other
 * requests, and the whole list is never in memory as objects.
 */

/** Rows per read: the list queries' cost is per page, and 1000 keeps each well under ~50 ms. */
const PAGE = 1000;

export interface ExportFile {
  stream: PassThrough;
  fileName: string;
  total: number;
  exported: number;
  truncated: boolean;
}

type Page<T> = { items: T[]; total: number };

async function exportList<T>(
  ctx: ServiceContext,
  opts: {
    title: string;
    columns: ExportColumn<T>[];
    query: Record<string, unknown>;
    fetch: (offset: number, limit: number) => Promise<Page<T>>;
  },
): Promise<ExportFile> {
  const [first, names] = await Promise.all([opts.fetch(0, PAGE), namesInQuery(ctx, opts.query)]);
  const limit = Math.min(first.total, EXPORT_LIMITS.maxRows);
  const truncated = first.total > EXPORT_LIMITS.maxRows;
  const stream = new PassThrough();
  const excel = (await import('exceljs')).default;
  const wb = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Lianzhao 链招';
  const write = async () => {
    const ws = wb.addWorksheet(opts.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = opts.columns.map((c) => ({
      header: c.header,
      width: c.width,
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    ws.getRow(1).font = { bold: true };
    let written = 0;
    let page = first.items;
    while (page.length > 0 && written < limit) {
      for (const item of page) {
        if (written >= limit) break;
        ws.addRow(opts.columns.map((c) => c.value(item))).commit();
        written++;
      }
      if (written >= limit || page.length < PAGE) break;
      await yieldToLoop();
      page = (await opts.fetch(written, PAGE)).items;
    }
    ws.commit();
    const about = wb.addWorksheet('说明 About');
    about.columns = [{ width: 16 }, { width: 80 }];
    about.addRow(['导出时间', excelDateTime(ctx.clock.now().toISOString())]).getCell(2).numFmt =
      'yyyy-mm-dd hh:mm';
    about.addRow(['导出人', ctx.actor?.displayName ?? '']);
    about.addRow(['筛选条件', describeQuery(opts.query, names) || '（无）']);
    about.addRow(['行数', `${written} / 共 ${first.total} 条`]);
    if (truncated) {
      about.addRow([
        '注意',
        `导出上限为 ${EXPORT_LIMITS.maxRows} 行，本文件只含前 ${EXPORT_LIMITS.maxRows} 行；请加筛选条件分批导出 / Exports stop at ${EXPORT_LIMITS.maxRows} rows: narrow the filters and export in parts`,
      ]);
    }
    about.commit();
    await wb.commit();
  };
  write().catch((err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))));
  return { stream, fileName: `${opts.title}.xlsx`, total: first.total, exported: limit, truncated };
}

/** What `read` yields, or undefined when the record is gone or out of the reader's scope. */
async function orNothing<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}

/**
 * The names of the records a query filters by (firm, chain and link, officer), read through their
 * own services so a name the reader may not see stays an id.
 */
async function namesInQuery(
  ctx: ServiceContext,
  query: Record<string, unknown>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const id = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : undefined);
  const firmId = id('firmId');
  const chainId = id('chainId');
  const personIds = [id('officerId'), id('ownerId')].filter((v): v is string => v !== undefined);
  const [firm, chain, officers] = await Promise.all([
    firmId ? orNothing(() => getFirm(ctx, firmId)) : undefined,
    chainId ? orNothing(() => getChain(ctx, chainId)) : undefined,
    personIds.length > 0 ? orNothing(() => listOfficers(ctx)) : undefined,
  ]);
  if (firm) names.set(firm.id, firm.name);
  if (chain) {
    names.set(chain.id, chain.name);
    for (const link of chain.links) names.set(link.id, `${chain.name} · ${link.name}`);
  }
  for (const officer of officers?.items ?? []) names.set(officer.id, officer.displayName);
  return names;
}

type Unpaged<F> = Omit<F, 'limit' | 'offset'> & { limit?: number; offset?: number };

export function exportFirms(ctx: ServiceContext, query: Unpaged<FirmListFilter>) {
  return exportList(ctx, {
    title: '企业库',
    columns: FIRM_EXPORT.filter((c) => !c.staffOnly || (ctx.actor && firmAudienceOf(ctx.actor) === 'staff')),
    query,
    fetch: (offset, limit) => listFirmRecords(ctx, { ...query, offset, limit }),
  });
}

export function exportLeads(
  ctx: ServiceContext,
  query: Unpaged<LeadListFilter> & { mine?: boolean | undefined },
) {
  return exportList(ctx, {
    title: '招商线索',
    columns: LEAD_EXPORT,
    query,
    fetch: (offset, limit) => listLeadRecords(ctx, { ...query, offset, limit }),
  });
}

export function exportProjects(ctx: ServiceContext, query: Unpaged<ProjectListFilter>) {
  return exportList(ctx, {
    title: '项目库',
    columns: PROJECT_EXPORT,
    query,
    // Whole projects and an exact total (never the list's estimate): the rows are capped by it.
    fetch: (offset, limit) => listProjectRecords(ctx, { ...query, offset, limit }),
  });
}
