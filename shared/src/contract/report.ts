import { z } from 'zod';
import { ROUND_KINDS } from '../dispatch';
import { idString, longText, nameText, shortText } from './fields';

/** A dispatch report issued as an official document (签发): its 文号/期数, 发文单位 and 抄送. */
export const reportIssueSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  kind: z.enum(ROUND_KINDS),
  year: z.number().int(),
  /** 期数: the n-th report of this kind issued this year (never repeated, never reused). */
  number: z.number().int(),
  /** 文号 as printed, e.g. 周调度〔2026〕第3期. */
  docNumber: z.string(),
  issuer: z.string(),
  cc: z.string(),
  issuedOn: z.string(),
  issuedByName: z.string().nullable(),
  /** 作废: when, by whom and why the issue was withdrawn (null while in force); the row stays. */
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type ReportIssue = z.infer<typeof reportIssueSchema>;

export const reportIssueListSchema = z.object({
  items: z.array(reportIssueSchema),
  /** What the form offers: the 发文单位 and 抄送 of the last issue, else the zone's 管委会. */
  defaults: z.object({ issuer: z.string(), cc: z.string() }),
});
export type ReportIssueList = z.infer<typeof reportIssueListSchema>;

export const issueReportBody = z.strictObject({
  roundId: idString,
  /** 发文单位, e.g. 聊城经济技术开发区管理委员会办公室. */
  issuer: nameText,
  /** 抄送 line: the units that get a copy, separated by ，or 、 (may be empty). */
  cc: shortText,
});
export type IssueReportInput = z.infer<typeof issueReportBody>;

/** 作废: withdraws an issued report; the round may then be issued again with a new 文号. */
export const withdrawIssueBody = z.strictObject({
  /** Why it is withdrawn (kept with the issue and in the audit log). */
  reason: longText.min(1),
});
export type WithdrawIssueInput = z.infer<typeof withdrawIssueBody>;
