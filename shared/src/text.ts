/**
 * What text the system takes (issue 11 #8), shared so forms can say it before the server refuses.
 *
 * Refused everywhere (400 naming the field): control characters — C0 except tab, line feed and
 * carriage return, DEL and C1 — and lone UTF-16 surrogates. NUL cannot be stored by PostgreSQL at
 * all, so a record holding one on SQLite could never move to PostgreSQL; the others are never typed
 * by a person and only break exports, search and display.
 *
 * Removed from names (firm, project, chain, link, campaign, person): zero-width characters and
 * bidirectional controls. They arrive unseen with text copied from web pages and chat, where a
 * refusal of an invisible character is a message nobody can act on; kept, they make two equal-looking
 * names differ (duplicate checks miss) or make a name display in another order than it is stored.
 * Narratives keep them (a zero-width joiner belongs inside an emoji).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;

/** Zero-width (U+200B–U+200D, U+2060, U+FEFF) and bidi controls (U+202A–U+202E, U+2066–U+2069). */
const INVISIBLE_IN_NAMES = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/** True when `s` holds a character no text field takes (see above). */
export function hasForbiddenControl(s: string): boolean {
  return CONTROL.test(s);
}

/** A name without the invisible characters that make it differ from how it looks. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE_IN_NAMES, '');
}

export const TEXT_REFUSAL = {
  zh: '含有不允许的控制字符（如 NUL），请删除后重试',
  en: 'Contains a control character (such as NUL) that text may not hold',
} as const;

/**
 * How long a text field may be (characters). The server refuses longer text (400 naming the field)
 * and the web's inputs stop at the same length, so the two cannot drift.
 */
export const TEXT_LIMITS = {
  /** A firm or project name: the longest registered firm names are ~60 characters. */
  name: 120,
  /** One-line fields: region, park, chain link, contact, next step, a search box. */
  short: 200,
  /** Paragraphs: business scope, notes, reasons. */
  long: 4000,
  /** A person's name (contact, leader, owner, display name). */
  person: 64,
  /** A handle: a login name, an API token's name. */
  handle: 64,
  /** A label someone gives a thing: a milestone, an API token. */
  label: 100,
  /** A phone number as people write it (area code, extension, dashes). */
  phone: 40,
  /** A unit of measure (吨, 万件, 台套). */
  unit: 20,
  /** A password as typed (the policy sets the minimum; this only bounds the work of hashing). */
  password: 128,
} as const;
