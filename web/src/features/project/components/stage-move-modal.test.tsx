import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { moveStageBody, type Project } from '../../../../../shared/src/contract/project';
import { todayInShanghai } from '../../../../../shared/src/dates';
import { SOURCED_PROJECT_FIGURES } from '../../../../../shared/src/figure-source';
import { TEXT_REFUSAL } from '../../../../../shared/src/text';
import { errorAnswer, fakeApi } from '../../../test/fake-api';
import { renderWithProviders } from '../../../test/render';
import { StageMoveModal } from './stage-move-modal';

const PROJECT_ID = 'project-1';
const STAGE_PATH = `/api/projects/${PROJECT_ID}/stage`;

/** A project as the API answers it, with nothing on file beyond its stage unless given. */
function projectAt(stage: Project['stage'], fields: Partial<Project> = {}): Project {
  return {
    id: PROJECT_ID,
    code: 'XM-2026-001',
    name: '宠物食品智能工厂',
    investors: [],
    company: null,
    park: null,
    parkRef: null,
    landMu: null,
    totalInvestment: null,
    fixedAssetInvestment: null,
    fundsInPlace: null,
    capacityQuantity: null,
    capacityUnit: null,
    capacityProduct: null,
    capacityText: null,
    expectedOutput: null,
    expectedTax: null,
    expectedJobs: null,
    expectedExports: null,
    priority: null,
    officerId: null,
    officerName: null,
    leaderName: null,
    contactName: null,
    contactPhone: null,
    chainLink: null,
    linkId: null,
    link: null,
    leadId: null,
    startDate: null,
    stage,
    stageDate: '2026-03-02',
    pausedFromStage: null,
    stageReason: null,
    lateMilestones: 0,
    maxDaysLate: 0,
    figures: {
      fundsInPlaceCumulative: null,
      completedInvestmentCumulative: null,
      asOf: null,
      investmentPerMu: null,
      expectedTaxPerMu: null,
      expectedOutputPerMu: null,
    },
    figureSources: Object.fromEntries(
      SOURCED_PROJECT_FIGURES.map((figure) => [figure, null]),
    ) as Project['figureSources'],
    isSample: false,
    version: 7,
    createdAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-03-02T02:00:00.000Z',
    ...fields,
  };
}

/** Opens the dialog on `project` against a fake API whose stage route answers `answer` (the moved project by default). */
async function openDialog(project: Project, answer?: Parameters<typeof fakeApi>[0][string]) {
  let closed = 0;
  const api = fakeApi({
    [`POST ${STAGE_PATH}`]: answer ?? ((request) => ({ body: { ...project, ...(request.body as object) } })),
  });
  const view = await renderWithProviders(<StageMoveModal project={project} onClose={() => closed++} />);
  const submit = () => view.user.click(screen.getByTestId('stage-move-submit'));
  const sent = () => api.writesTo(STAGE_PATH);
  return {
    ...view,
    closed: () => closed,
    submit,
    sent,
    /** Submits and expects the dialog to refuse with `error` shown and nothing sent. */
    refusedWith: async (error: string) => {
      await submit();
      expect(await screen.findByText(error)).toBeTruthy();
      expect(sent()).toEqual([]);
    },
    /** Submits, waits for the dialog to close on the server's answer, and gives the one body sent. */
    moved: async () => {
      await submit();
      await expect.poll(() => closed, { timeout: 10_000 }).toBe(1);
      const bodies = sent();
      expect(bodies).toHaveLength(1);
      expect(moveStageBody.safeParse(bodies[0]).success).toBe(true);
      return bodies[0];
    },
  };
}

describe('stage move dialog', () => {
  it('moving forward out of 供地 asks for the land area first, then sends it with the move and the date', async () => {
    const dialog = await openDialog(projectAt('land'));
    // The next stage is offered, and the dialog says what the move needs before the server would.
    expect(await screen.findByText('进入“审批”阶段前请先填写：用地面积（亩）')).toBeTruthy();
    const fill = screen.getByTestId('stage-fill');
    expect(within(fill).getByText('补填本次推进所需信息')).toBeTruthy();

    await dialog.refusedWith('请输入用地（亩）');

    await dialog.user.type(screen.getByTestId('stage-fill-landMu'), '120');
    expect(await dialog.moved()).toEqual({
      to: 'approved',
      date: todayInShanghai(),
      reason: null,
      fill: { landMu: 120 },
      version: 7,
    });
  });

  it('moving into 开工 needs the date: refused without one, and the date picked is sent as the start', async () => {
    const dialog = await openDialog(projectAt('approved', { landMu: 80 }));
    // The move's date stands in for 开工日期, so nothing else is asked for.
    expect(await screen.findByTitle('开工')).toBeTruthy();
    expect(screen.queryByTestId('stage-fill')).toBeNull();

    await dialog.user.click(screen.getByRole('button', { name: '清除' }));
    await dialog.refusedWith('请输入发生日期');

    await dialog.user.type(screen.getByLabelText('发生日期'), '2026-11-30{Enter}');
    expect(await dialog.moved()).toEqual({ to: 'started', date: '2026-11-30', reason: null, version: 7 });
  });

  it('moving back asks for a reason and sends it', async () => {
    const dialog = await openDialog(projectAt('approved', { landMu: 80 }));
    await dialog.user.click(within(screen.getByTestId('stage-move-target')).getByRole('combobox'));
    await dialog.user.click(await screen.findByTitle('供地'));
    expect(await screen.findByText('退回到“供地”阶段需要填写原因')).toBeTruthy();

    await dialog.refusedWith('请填写原因');

    await dialog.user.type(screen.getByTestId('stage-move-reason'), '规划调整，供地手续重办');
    expect(await dialog.moved()).toEqual({
      to: 'land',
      date: todayInShanghai(),
      reason: '规划调整，供地手续重办',
      version: 7,
    });
  });

  it('shows the server’s refusal with the field it names, and stays open', async () => {
    const dialog = await openDialog(projectAt('approved', { landMu: 80 }), () =>
      errorAnswer({
        code: 'VALIDATION_FAILED',
        status: 400,
        message: { zh: '输入有误，请检查标出的字段', en: 'Invalid input: see the fields' },
        fields: [{ path: 'reason', message: TEXT_REFUSAL }],
      }),
    );
    await dialog.user.type(screen.getByTestId('stage-move-reason'), '按计划开工');
    await dialog.submit();
    const refused = await screen.findByTestId('stage-move-refused');
    expect(within(refused).getByText('输入有误，请检查标出的字段')).toBeTruthy();
    expect(within(refused).getByText(TEXT_REFUSAL.zh)).toBeTruthy();
    expect(dialog.sent()).toHaveLength(1);
    expect(dialog.closed()).toBe(0);
    expect(screen.getByTestId('stage-move-reason')).toHaveProperty('value', '按计划开工');
  });
});
