// A helper of the intake's unit tests: what the rules read from a short sentence made up for a test.

import { extractPage } from './extract';
import type { ExtractedProject } from './types';

/** The projects (batch totals included) the rules read from `text`, article after article. */
export function projectsOf(text: string, articleDate = '2024-05-01'): ExtractedProject[] {
  return extractPage(text, { articleDate }).articles.flatMap((a) => a.projects);
}
