// Optional model-based extraction (issue 13): a zone's own large language model behind an
// OpenAI-compatible chat completions endpoint (DeepSeek, Qwen, GLM served in-house). Configured by
// LIANZHAO_LLM_URL / LIANZHAO_LLM_MODEL / LIANZHAO_LLM_KEY; unset (the default), nothing leaves the
// machine. The rules split the page and read firms, people and signals; the model reads each
// article's projects. Every value must come with the words it was read from, and a value whose words
// are not in the article is dropped; what remains is checked with the API's own project schema.
// When the model is unreachable, slow or answers out of shape, that article keeps the rules' reading.

import { z } from 'zod';
import { intakeProjectSchema, NEWS_STAGES } from '../../../../shared/src/intake';
import { toIntakeProject } from './project-facts';
import type {
  ArticleExtraction,
  ExtractedProject,
  ExtractOptions,
  Extractor,
  MoneyFact,
  PageExtraction,
  Span,
} from './types';

export interface LlmConfig {
  /** Chat completions endpoint, or an API base (…/v1) it is appended to. */
  url: string;
  model: string;
  key: string | null;
  timeoutMs: number;
}

/** The model settings from the environment; null (rules only) unless URL and model are both set. */
export function llmConfig(env: NodeJS.ProcessEnv = process.env): LlmConfig | null {
  const url = env.LIANZHAO_LLM_URL?.trim();
  const model = env.LIANZHAO_LLM_MODEL?.trim();
  if (!url || !model) return null;
  const timeout = Number(env.LIANZHAO_LLM_TIMEOUT_MS ?? 20_000);
  return {
    url: /\/chat\/completions$/.test(url) ? url : `${url.replace(/\/$/, '')}/chat/completions`,
    model,
    key: env.LIANZHAO_LLM_KEY?.trim() || null,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 20_000,
  };
}

/** A value and the exact words of the article it was read from. */
const quoted = <T extends z.ZodType>(value: T) =>
  z.object({ value, quote: z.string().min(1).max(200) }).nullable();

/** What the model is asked for (JSON schema sent as response_format, answer parsed with it). */
export const modelAnswerSchema = z.object({
  projects: z
    .array(
      z.object({
        name: z.object({ value: z.string().min(2).max(120), quote: z.string().min(1).max(200) }),
        isAggregate: z.boolean(),
        companies: z.array(z.object({ value: z.string().min(2).max(80), quote: z.string().min(1).max(200) })),
        investmentCny: quoted(z.number().nonnegative()),
        capacity: quoted(z.string().max(80)),
        jobs: quoted(z.number().int().nonnegative()),
        outputValueCny: quoted(z.number().nonnegative()),
        taxCny: quoted(z.number().nonnegative()),
        stage: quoted(z.enum(NEWS_STAGES)),
        park: quoted(z.string().max(80)),
      }),
    )
    .max(200),
});
type ModelAnswer = z.infer<typeof modelAnswerSchema>;

const INSTRUCTIONS = [
  'You read Chinese or English news about investment projects for a development zone.',
  'List every project the article reports (and batch totals such as "集中开工15个项目，总投资81亿元" with isAggregate true).',
  'Money in integer yuan (1亿 = 100000000, 1万 = 10000); amounts in other currencies are null.',
  'stage is the most advanced state the text states as reached: 在谈 签约 开工 在建 主体完工 竣工验收 设备调试 试生产 投产 达产.',
  'For every value give quote: the exact words of the article it was read from, copied character for character.',
  'Use null for anything the article does not state. Answer with JSON only.',
].join('\n');

/** The article's text as the model sees it, with a map back to offsets of the page. */
function articleText(page: string, ranges: readonly Span[]): { text: string; toPage: (s: Span) => Span } {
  const parts: Array<{ at: number; range: Span }> = [];
  let text = '';
  for (const r of ranges) {
    if (text !== '') text += '\n\n';
    parts.push({ at: text.length, range: r });
    text += page.slice(r.start, r.end);
  }
  const toPage = (s: Span): Span => {
    const part = [...parts].reverse().find((p) => p.at <= s.start) ?? parts[0];
    const base = part ? part.range.start - part.at : 0;
    return { start: s.start + base, end: s.end + base };
  };
  return { text, toPage };
}

async function askModel(cfg: LlmConfig, text: string): Promise<ModelAnswer> {
  const res = await fetch(cfg.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(cfg.key ? { authorization: `Bearer ${cfg.key}` } : {}),
    },
    signal: AbortSignal.timeout(cfg.timeoutMs),
    body: JSON.stringify({
      model: cfg.model,
      temperature: 0,
      messages: [
        { role: 'system', content: INSTRUCTIONS },
        { role: 'user', content: text },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'intake_projects', strict: true, schema: z.toJSONSchema(modelAnswerSchema) },
      },
    }),
  });
  if (!res.ok) throw new Error(`model answered HTTP ${res.status}`);
  const body = (await res.json()) as { choices?: Array<{ message?: { content?: string } }> };
  const content = body.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new Error('model answer has no message content');
  return modelAnswerSchema.parse(JSON.parse(content));
}

/**
 * The model's projects with every value tied to where its quote stands in the article; a value whose
 * quote is not in the article (or does not contain the figure it claims) is dropped, and a project
 * whose name is not there is dropped whole. Kept projects pass the API's project schema.
 */
export function groundProjects(
  answer: ModelAnswer,
  text: string,
  toPage: (s: Span) => Span,
): ExtractedProject[] {
  const find = (quote: string): Span | null => {
    const at = text.indexOf(quote);
    return at < 0 ? null : toPage({ start: at, end: at + quote.length });
  };
  const digitsIn = (quote: string) => /\d|[一二三四五六七八九十百千万亿]/.test(quote);
  const out: ExtractedProject[] = [];
  for (const p of answer.projects) {
    const span = find(p.name.quote);
    if (!span) continue;
    const money = (v: { value: number; quote: string } | null): MoneyFact | null => {
      const s = v && digitsIn(v.quote) ? find(v.quote) : null;
      return v && s
        ? {
            yuan: Math.round(v.value),
            maxYuan: null,
            amount: v.value,
            currency: 'CNY',
            qualifier: null,
            asWritten: v.quote,
            span: s,
          }
        : null;
    };
    const capSpan = p.capacity ? find(p.capacity.quote) : null;
    const jobsSpan = p.jobs && digitsIn(p.jobs.quote) ? find(p.jobs.quote) : null;
    const stageSpan = p.stage ? find(p.stage.quote) : null;
    const parkSpan = p.park ? find(p.park.quote) : null;
    const project: ExtractedProject = {
      name: p.name.value,
      aliases: [],
      span,
      mentions: [],
      companies: p.companies.flatMap((c) => {
        const s = find(c.quote);
        return s ? [{ name: c.value, span: s }] : [];
      }),
      capacity: p.capacity && capSpan ? { items: [], asWritten: p.capacity.value, span: capSpan } : null,
      investment: money(p.investmentCny),
      outputValue: money(p.outputValueCny),
      tax: money(p.taxCny),
      jobs:
        p.jobs && jobsSpan
          ? { count: p.jobs.value, qualifier: null, asWritten: p.jobs.quote, span: jobsSpan }
          : null,
      exports: null,
      stage:
        p.stage && stageSpan
          ? { stage: p.stage.value, planned: false, asWritten: p.stage.quote, span: stageSpan }
          : null,
      stages: [],
      park: p.park && parkSpan ? { name: p.park.value, span: parkSpan } : null,
      dates: [],
      contacts: [],
      isAggregate: p.isAggregate,
    };
    if (project.stage) project.stages.push(project.stage);
    // The same schema as the API answer: a model cannot hand back a shape the review page cannot show.
    const check = intakeProjectSchema.safeParse(toIntakeProject(project, (x) => x));
    if (check.success) out.push(project);
  }
  return out;
}

/**
 * The model-based extractor: the rules' page, with each article's projects read by the model when it
 * answers in time and in shape. `warn` notes each article that fell back to the rules.
 */
export function createLlmExtractor(cfg: LlmConfig, rules: Extractor): Extractor {
  const readPage = async (text: string, opts?: ExtractOptions): Promise<PageExtraction> => {
    const page = await rules.extractPage(text, opts);
    let fellBack = 0;
    let reason = '';
    const articles: ArticleExtraction[] = [];
    for (const a of page.articles) {
      const { text: body, toPage } = articleText(text, a.spans);
      if (body.trim() === '') {
        articles.push(a);
        continue;
      }
      try {
        const answer = await askModel(cfg, body);
        articles.push({ ...a, projects: groundProjects(answer, body, toPage) });
      } catch (err) {
        fellBack++;
        reason = err instanceof Error ? err.message : String(err);
        articles.push(a);
      }
    }
    const warnings = [...page.warnings];
    if (fellBack > 0)
      warnings.push(
        `the language model did not answer usably for ${fellBack} article(s) (${reason}); the rules' reading is shown`,
      );
    return { articles, warnings };
  };
  return {
    id: `llm:${cfg.model}+${rules.id}`,
    extractPage: readPage,
    extractArticle: async (text, opts) => {
      const page = await readPage(text, opts);
      return page.articles[0] ?? (await rules.extractArticle(text, opts));
    },
  };
}
