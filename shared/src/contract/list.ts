import { z } from 'zod';

/** A list answer: one page of items and the total count. */
export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
export interface ListResult<T> {
  items: T[];
  total: number;
}

/** An answer with every item at once (no paging): milestones, follow-ups, a timeline. */
export function itemsResponse<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}
