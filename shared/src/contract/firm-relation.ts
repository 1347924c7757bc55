import { z } from 'zod';

/** 以商招商 graph edges: A supplier B = A supplies B; A investor B = A invests in B. */
export const FIRM_RELATION_KINDS = ['partner', 'supplier', 'customer', 'investor', 'parent'] as const;
export type FirmRelationKind = (typeof FIRM_RELATION_KINDS)[number];

/** One edge of the 以商招商 graph, with both firms named (the firm page draws and lists them). */
export const firmRelationSchema = z.object({
  id: z.string(),
  fromFirmId: z.string(),
  fromFirmName: z.string(),
  toFirmId: z.string(),
  toFirmName: z.string(),
  kind: z.enum(FIRM_RELATION_KINDS),
  note: z.string().nullable(),
});
export type FirmRelation = z.infer<typeof firmRelationSchema>;

/** `GET /api/firms/:id/relations`: every edge that starts or ends at the firm. */
export const firmRelationListSchema = z.object({ items: z.array(firmRelationSchema) });
export type FirmRelationList = z.infer<typeof firmRelationListSchema>;
