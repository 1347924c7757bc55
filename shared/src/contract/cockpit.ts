import { z } from 'zod';
import { FIGURE_SOURCES } from '../figure-source';
import { listLinkSchema } from './list-link';
import { warningSchema } from './warning';

/**
 * `GET /api/cockpit` (驾驶舱): the leaders' figures for a year and an optional park/chain, each with
 * the list query that reproduces it (`link`). Counts are plain numbers: the roll-ups sum them.
 */

const sourceCounts = z.object(
  Object.fromEntries([...FIGURE_SOURCES, 'unmarked'].map((k) => [k, z.number()])) as Record<
    (typeof FIGURE_SOURCES)[number] | 'unmarked',
    z.ZodNumber
  >,
);

const projectLine = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  park: z.string().nullable(),
  stage: z.string(),
});

export const cockpitSchema = z.object({
  year: z.number(),
  today: z.string(),
  filters: z.object({ park: z.string().nullable(), chainId: z.string().nullable() }),
  options: z.object({
    parks: z.array(z.string()),
    chains: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
  totals: z.object({
    projects: z.number(),
    investment: z.number(),
    started: z.number(),
    producing: z.number(),
    link: listLinkSchema,
  }),
  /** 承诺 vs 实际 (issue 14): signed investment beside the dispatch cumulatives, each with its provenance mix. */
  kpi: z.object({
    promised: z.object({ investment: z.number(), projects: z.number(), sources: sourceCounts }),
    actual: z.object({
      completedInvestment: z.number().nullable(),
      fundsInPlace: z.number(),
      reportingProjects: z.number(),
      sources: sourceCounts,
    }),
  }),
  funnel: z.array(z.object({ stage: z.string(), count: z.number(), link: listLinkSchema })),
  monthly: z.array(
    z.object({
      month: z.string(),
      signedCount: z.number(),
      investmentSigned: z.number(),
      fundsInPlace: z.number(),
      fixedAssetInvestment: z.number(),
      cumulativeSigned: z.number(),
      cumulativeFunds: z.number(),
      targetSignedToDate: z.number().nullable(),
      targetFundsToDate: z.number().nullable(),
      signedLink: listLinkSchema,
      fundsLink: listLinkSchema,
    }),
  ),
  targets: z.object({ investmentSigned: z.number().nullable(), fundsInPlace: z.number().nullable() }),
  late: z.object({
    count: z.number(),
    link: listLinkSchema,
    items: z.array(
      projectLine.extend({ lateMilestones: z.number(), earliestPlanned: z.string(), daysLate: z.number() }),
    ),
  }),
  requests: z.object({
    open: z.number(),
    overdue: z.number(),
    openLink: listLinkSchema,
    overdueLink: listLinkSchema,
    byDepartment: z.array(
      z.object({
        departmentId: z.string().nullable(),
        departmentName: z.string().nullable(),
        open: z.number(),
        overdue: z.number(),
        openLink: listLinkSchema,
        overdueLink: listLinkSchema,
      }),
    ),
  }),
  chains: z.array(
    z.object({
      chainId: z.string(),
      name: z.string(),
      links: z.number(),
      covered: z.number(),
      rate: z.number().nullable(),
      link: listLinkSchema,
    }),
  ),
  topProjects: z.object({
    link: listLinkSchema,
    items: z.array(projectLine.extend({ totalInvestment: z.number() })),
  }),
  latestRound: z
    .object({
      id: z.string(),
      title: z.string(),
      deadline: z.string(),
      expected: z.number(),
      reported: z.number(),
      late: z.number(),
      rate: z.number().nullable(),
      link: listLinkSchema,
    })
    .nullable(),
  warnings: z.object({
    high: z.number(),
    medium: z.number(),
    low: z.number(),
    total: z.number(),
    top: z.array(warningSchema),
  }),
  /** 履约 (issue 14): commitments behind in the last complete year, in the cockpit's scope. */
  compliance: z.object({ year: z.number(), behind: z.number(), agreementsBehind: z.number() }).nullable(),
});
export type Cockpit = z.infer<typeof cockpitSchema>;
