/**
 * A text shown to people in both UI languages: Simplified Chinese first, English second
 * (PRODUCT.md). Helpers in `shared/` return these instead of strings so that the server and the
 * web never have to translate a rule's outcome themselves.
 */
export type Bilingual = { zh: string; en: string };
