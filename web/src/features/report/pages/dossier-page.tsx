import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Spin } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { todayInShanghai } from '../../../../../shared/src/dates';
import { projectStageLabel } from '../../../../../shared/src/project-stage';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useFormatMoney } from '../../../components/money-text';
import { fieldLabel } from '../../../lib/timeline-field-label';
import { useI18n } from '../../../locales/i18n-context';
import {
  useDossierMilestones,
  useDossierProject,
  useDossierReports,
  useDossierTimeline,
} from '../api/use-dossier';
import { DOSSIER_CSS, pageHeaderCss } from '../components/dossier-print-css';
import { DossierWorkTables } from '../components/dossier-work-tables';

// The dossier carries the dispatch reports the .docx carries (the latest 50).
const REPORTS = { limit: 50, offset: 0 };

/**
 * `/projects/:id/dossier` 一项目一档 as a printable A4 document: every fact, the investors,
 * milestones, timeline, dispatch reports and site photos, with 仿宋/黑体 font stacks and the project
 * name at the top of every page. "打印 / 导出PDF" opens the browser's print dialog, whose "save as
 * PDF" makes the PDF — the server needs no PDF engine, fonts or network for it.
 */
export function DossierPage() {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();
  const money = useFormatMoney();
  const project = useDossierProject(id);
  const milestones = useDossierMilestones(id);
  const timeline = useDossierTimeline(id);
  const reports = useDossierReports(id, REPORTS);
  const p = project.data;
  // "X项目档案": a name that already ends in 项目 does not get it twice.
  const title = p
    ? t('dossier.title', { name: lang === 'zh' && p.name.endsWith('项目') ? p.name.slice(0, -2) : p.name })
    : '';

  useEffect(() => {
    if (title) document.title = title;
  }, [title]);

  if (project.isError) return <LoadErrorResult error={project.error} onRetry={() => project.refetch()} />;
  const loading = !p || milestones.isPending || timeline.isPending || reports.isPending;
  if (loading) return <Spin style={{ display: 'block', margin: '120px auto' }} />;

  const orDash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);
  const facts: Array<[string, ReactNode]> = [
    [t('project.code'), p.code],
    [t('project.name'), p.name],
    [t('project.park'), orDash(p.park)],
    [t('pipeline.chainLink'), orDash(p.chainLink)],
    [
      t('project.currentStage'),
      `${pick(projectStageLabel(p.stage))}${p.stageDate ? `（${p.stageDate}）` : ''}`,
    ],
    [t('project.priorityLabel'), p.priority ? t(`project.priority.${p.priority}`) : '—'],
    [t('project.totalInvestment'), money(p.totalInvestment)],
    [t('project.fixedAssetInvestment'), money(p.fixedAssetInvestment)],
    [t('project.fundsInPlace'), money(p.fundsInPlace)],
    [t('project.landMu'), p.landMu === null ? '—' : t('project.muValue', { mu: p.landMu })],
    [t('project.capacity'), orDash(p.capacityText)],
    [t('project.expectedOutput'), money(p.expectedOutput)],
    [t('project.expectedTax'), money(p.expectedTax)],
    [t('project.expectedExports'), money(p.expectedExports)],
    [
      t('project.expectedJobs'),
      p.expectedJobs === null ? '—' : t('project.jobsValue', { jobs: p.expectedJobs }),
    ],
    [t('project.startDate'), orDash(p.startDate)],
    [t('project.leaderName'), orDash(p.leaderName)],
    [t('pipeline.officer'), orDash(p.officerName)],
    [t('project.contact'), orDash([p.contactName, p.contactPhone].filter(Boolean).join(' '))],
  ];
  const reportItems = reports.data?.items ?? [];
  const photos = reportItems.flatMap((r) => r.photos.map((ph) => ({ ...ph, report: r })));
  const none = <p className="dossier-none">{t('dossier.none')}</p>;

  return (
    <div className="dossier-screen" data-testid="dossier-page">
      <style>{DOSSIER_CSS}</style>
      <style>{pageHeaderCss(title)}</style>
      <div className="dossier-toolbar">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/projects/${p.id}`)}>
            {t('dossier.back')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            data-testid="dossier-print"
          >
            {t('dossier.print')}
          </Button>
          <span className="dossier-hint">{t('dossier.printHint')}</span>
        </Space>
      </div>
      <article className="dossier-sheet">
        <h1 data-testid="dossier-title">{title}</h1>
        <p className="dossier-subtitle">
          {t('dossier.subtitle', { code: p.code, date: todayInShanghai() })}
          {p.isSample ? `（${t('dossier.sample')}）` : ''}
        </p>

        <h2>{t('dossier.facts')}</h2>
        <table className="dossier-facts">
          <tbody>
            {facts.map(([label, value]) => (
              <tr key={label}>
                <th>{label}</th>
                <td>{value}</td>
              </tr>
            ))}
            {p.stageReason ? (
              <tr>
                <th>{t('dossier.stageReason')}</th>
                <td>{p.stageReason}</td>
              </tr>
            ) : null}
          </tbody>
        </table>

        <h2>{t('dossier.investors')}</h2>
        {p.investors.length === 0 ? (
          none
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('project.investors')}</th>
                <th className="num">{t('project.sharePct')}</th>
              </tr>
            </thead>
            <tbody>
              {p.investors.map((i) => (
                <tr key={i.firmId}>
                  <td>{i.firmName}</td>
                  <td className="num">{i.sharePct === null ? '—' : `${i.sharePct}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h2>{t('dossier.milestones')}</h2>
        {(milestones.data?.items ?? []).length === 0 ? (
          none
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('milestone.name')}</th>
                <th>{t('milestone.plannedDate')}</th>
                <th>{t('milestone.actualDate')}</th>
                <th>{t('milestone.owner')}</th>
                <th>{t('milestone.status')}</th>
              </tr>
            </thead>
            <tbody>
              {(milestones.data?.items ?? []).map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{orDash(m.plannedDate)}</td>
                  <td>{orDash(m.actualDate)}</td>
                  <td>{orDash(m.ownerName)}</td>
                  <td>
                    {m.late
                      ? t('project.lateDays', { days: m.daysLate })
                      : m.actualDate
                        ? t('milestone.done')
                        : t('milestone.pending')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <DossierWorkTables projectId={p.id} />

        <h2>{t('dossier.timeline')}</h2>
        {(timeline.data?.items ?? []).length === 0 ? (
          none
        ) : (
          <table>
            <tbody>
              {(timeline.data?.items ?? []).map((item) => (
                <tr key={`${item.at}-${item.kind}-${item.title.zh}`}>
                  <td className="date">{item.date}</td>
                  <td>
                    {pick(item.title)}
                    {item.fields.length > 0
                      ? ` · ${t('timeline.fields', { fields: [...new Set(item.fields.map((f) => fieldLabel(f, t)))].join(lang === 'zh' ? '、' : ', ') })}`
                      : ''}
                    {item.detail ? `：${item.detail}` : ''}
                  </td>
                  <td className="who">{orDash(item.actorName)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h2>{t('dossier.reports')}</h2>
        {reportItems.length === 0 ? (
          none
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('dossier.round')}</th>
                <th className="num">{t('dossier.investmentPeriod')}</th>
                <th className="num">{t('dossier.fundsPeriod')}</th>
                <th>{t('dossier.narrative')}</th>
                <th>{t('dossier.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {reportItems.map((r) => (
                <tr key={r.id}>
                  <td>{r.roundTitle}</td>
                  <td className="num">{money(r.investmentPeriod)}</td>
                  <td className="num">{money(r.fundsPeriod)}</td>
                  <td>{r.narrative}</td>
                  <td>{orDash(r.problems)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h2>{t('dossier.photos')}</h2>
        {photos.length === 0 ? (
          none
        ) : (
          <div className="dossier-photos">
            {photos.map((ph) => (
              <figure key={ph.id}>
                <img src={`/api/round-reports/${ph.report.id}/photos/${ph.id}`} alt={ph.fileName} />
                <figcaption>
                  {ph.report.roundTitle}：{ph.fileName}
                </figcaption>
              </figure>
            ))}
          </div>
        )}
      </article>
    </div>
  );
}
