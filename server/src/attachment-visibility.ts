import type { AttachmentVisibility } from './modules/attachment/attachment.routes';
import { assertFollowupFileVisible } from './modules/lead/lead.policy';
import { assertProblemItemVisible } from './modules/problem/problem.policy';
import { assertRequestFileVisible } from './modules/request/request.policy';
import { assertTaskVisible } from './modules/task/task.policy';

/**
 * Who may download a file: whoever sees the record it hangs on, as that record's area decides.
 * Composition only, like app.ts: attachment runs the table without importing the areas (issue 12).
 */
export const ATTACHMENT_VISIBILITY: AttachmentVisibility = {
  factor_request: assertRequestFileVisible,
  task: assertTaskVisible,
  problem_item: assertProblemItemVisible,
  lead_followup: assertFollowupFileVisible,
};
