import type { LinkFields, ProjectPartyFields, ProjectTable } from '../../db/database';

/**
 * What a project write may carry (the form, imports, intake, a signed lead), and how its fields map to
 * the project's columns.
 */

/** The columns a project write may set (the park reference among them, issue 18). */
export type ProjectColumns = ProjectTable & LinkFields & ProjectPartyFields & { park_id: string | null };

export interface ProjectInput {
  name?: string | undefined;
  investors?: Array<{ firmId: string; sharePct?: number | null | undefined }> | undefined;
  /** 项目公司 (signing company): a firm apart from the investors. */
  companyFirmId?: string | null | undefined;
  park?: string | null | undefined;
  parkId?: string | null | undefined;
  landMu?: number | null | undefined;
  totalInvestment?: number | null | undefined;
  fixedAssetInvestment?: number | null | undefined;
  fundsInPlace?: number | null | undefined;
  capacityQuantity?: number | null | undefined;
  capacityUnit?: string | null | undefined;
  capacityProduct?: string | null | undefined;
  expectedOutput?: number | null | undefined;
  expectedTax?: number | null | undefined;
  expectedJobs?: number | null | undefined;
  expectedExports?: number | null | undefined;
  priority?: string | null | undefined;
  officerId?: string | null | undefined;
  leaderName?: string | null | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
  chainLink?: string | null | undefined;
  linkId?: string | null | undefined;
  startDate?: string | null | undefined;
}

/** API field → column; the timeline reads it backwards to name edited fields. */
export const COLUMN_OF: Record<string, keyof ProjectColumns> = {
  name: 'name',
  companyFirmId: 'company_firm_id',
  park: 'park',
  parkId: 'park_id',
  landMu: 'land_mu',
  totalInvestment: 'total_investment',
  fixedAssetInvestment: 'fixed_asset_investment',
  fundsInPlace: 'funds_in_place',
  capacityQuantity: 'capacity_quantity',
  capacityUnit: 'capacity_unit',
  capacityProduct: 'capacity_product',
  expectedOutput: 'expected_output',
  expectedTax: 'expected_tax',
  expectedJobs: 'expected_jobs',
  expectedExports: 'expected_exports',
  priority: 'priority',
  officerId: 'officer_id',
  leaderName: 'leader_name',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  chainLink: 'chain_link',
  linkId: 'link_id',
  startDate: 'start_date',
};

export function rowFields(input: ProjectInput): Partial<ProjectColumns> {
  const p: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMN_OF)) {
    const v = (input as Record<string, unknown>)[key];
    if (v !== undefined) p[column] = v === '' ? null : v;
  }
  return p as Partial<ProjectColumns>;
}
