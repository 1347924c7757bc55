import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RoundProject, RoundReport } from '../../../../../shared/src/contract/round';
import { type FakeAnswer, fakeApi } from '../../../test/fake-api';
import { renderWithProviders } from '../../../test/render';
import { ReportFormModal } from './report-form-modal';

const ROUND_ID = 'round-1';

/** The figures on file, as both the round's project row and the report carry them. */
const filedFigures = {
  investmentPeriod: 1_000_000,
  investmentInStats: true,
  fundsPeriod: 0,
  exportsPeriod: 0,
  outputPeriod: null,
  taxPeriod: null,
  investmentCumulative: 5_000_000,
  fundsCumulative: 0,
};

/** A project of the round whose report is on file (version 2): opening it is a correction. */
const filedProject: RoundProject = {
  projectId: 'project-1',
  code: 'XM-2026-001',
  name: '宠物食品智能工厂',
  park: null,
  chainName: null,
  stage: 'started',
  priority: null,
  totalInvestment: null,
  officerName: null,
  reportId: 'report-1',
  reportVersion: 2,
  submittedAt: '2026-12-01T02:00:00.000Z',
  late: false,
  reporterName: '企业填报人',
  ...filedFigures,
  priorInvestmentCumulative: 4_000_000,
  priorFundsCumulative: 0,
  cumulativeDisagrees: false,
  reminders: 0,
};

const filedReport: RoundReport = {
  id: 'report-1',
  roundId: ROUND_ID,
  roundTitle: '2026年第49周重点项目调度',
  periodKey: '2026-W49',
  projectId: 'project-1',
  projectCode: 'XM-2026-001',
  projectName: '宠物食品智能工厂',
  reporterName: '企业填报人',
  version: 2,
  ...filedFigures,
  narrative: '上周已报：设备进场',
  problems: null,
  submittedAt: '2026-12-01T02:00:00.000Z',
  late: false,
  isSample: false,
  photos: [],
};

describe('the round report form, correcting a filed report', () => {
  it('takes no typing until the filed text is in, then sends what the person wrote over it', async () => {
    let answerFiled: (answer: FakeAnswer) => void = () => undefined;
    const api = fakeApi({
      // The filed report answers late, as on a slow line.
      'GET /api/rounds/reports': () =>
        new Promise<FakeAnswer>((resolve) => {
          answerFiled = resolve;
        }),
      [`POST /api/rounds/${ROUND_ID}/reports`]: () => ({
        body: {
          id: 'report-1',
          version: 3,
          late: false,
          cumulative: {
            investment: 5_000_000,
            investmentExpected: 5_000_000,
            investmentDisagrees: false,
            funds: 0,
            fundsExpected: 0,
            fundsDisagrees: false,
          },
        },
      }),
    });
    const view = await renderWithProviders(
      <ReportFormModal roundId={ROUND_ID} project={filedProject} onClose={() => undefined} />,
    );
    const narrative = await screen.findByTestId('round-report-narrative');
    // Words typed now would be cut into by the filed text arriving (the race a browser test met).
    expect(narrative).toHaveProperty('disabled', true);
    expect(screen.getByTestId('round-report-submit')).toHaveProperty('disabled', true);
    await view.user.type(narrative, '本周：主体封顶');
    expect(narrative).toHaveProperty('value', '');

    answerFiled({ body: { items: [filedReport], total: 1 } });
    await waitFor(() =>
      expect(screen.getByTestId('round-report-narrative')).toHaveProperty('value', '上周已报：设备进场'),
    );
    expect(screen.getByTestId('round-report-narrative')).toHaveProperty('disabled', false);
    await view.user.clear(screen.getByTestId('round-report-narrative'));
    await view.user.type(screen.getByTestId('round-report-narrative'), '本周：主体封顶');
    expect(api.sent.some((r) => r.path === '/api/rounds/reports')).toBe(true);

    await view.user.click(screen.getByTestId('round-report-submit'));
    await waitFor(() => expect(api.writesTo(`/api/rounds/${ROUND_ID}/reports`)).toHaveLength(1));
    expect(api.writesTo(`/api/rounds/${ROUND_ID}/reports`)[0]).toMatchObject({
      narrative: '本周：主体封顶',
      version: 2,
    });
  });

  it('fills an untouched form from the filed report', async () => {
    fakeApi({ 'GET /api/rounds/reports': () => ({ body: { items: [filedReport], total: 1 } }) });
    await renderWithProviders(
      <ReportFormModal roundId={ROUND_ID} project={filedProject} onClose={() => undefined} />,
    );
    await waitFor(() =>
      expect(screen.getByTestId('round-report-narrative')).toHaveProperty('value', '上周已报：设备进场'),
    );
  });
});
