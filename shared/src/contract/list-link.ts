import { z } from 'zod';

/**
 * A link to the list that reproduces a figure: the web opens `path?query`; the same query on
 * `/api${path}` returns the records (its `total`, or the sum of a column) behind the figure.
 */
export const listLinkSchema = z.object({ path: z.string(), query: z.record(z.string(), z.string()) });
export type ListLink = z.infer<typeof listLinkSchema>;
