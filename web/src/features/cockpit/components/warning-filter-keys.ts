/** The filters of `/warnings`, in the address and in the pickers (kept apart so the page loads no Select). */
export const WARNING_FILTER_KEYS = ['kind', 'severity', 'park', 'chain', 'officerId'] as const;
export type WarningFilterKey = (typeof WARNING_FILTER_KEYS)[number];
