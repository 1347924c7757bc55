// The model-based extractor against a small OpenAI-compatible server on loopback started here: the
// answer is grounded in the text (a value whose words are not there is dropped), a slow, broken or
// absent model falls back to the rules, and with no settings nothing is sent anywhere.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleExtractor } from './extract';
import { createLlmExtractor, llmConfig } from './llm-extractor';

const TEXT =
  '本报讯 华晟精密年产500万套轴承项目在开发区签约，项目总投资6亿元，达产后年产值15亿元，新增就业300人。';

const ANSWER = {
  projects: [
    {
      name: { value: '华晟精密年产500万套轴承项目', quote: '华晟精密年产500万套轴承项目' },
      isAggregate: false,
      companies: [{ value: '华晟精密', quote: '华晟精密' }],
      investmentCny: { value: 600_000_000, quote: '总投资6亿元' },
      capacity: { value: '年产500万套轴承', quote: '年产500万套轴承' },
      jobs: { value: 300, quote: '新增就业300人' },
      // Not in the text: must be dropped.
      outputValueCny: { value: 2_000_000_000, quote: '年产值20亿元' },
      taxCny: { value: 50_000_000, quote: '税收5000万元' },
      stage: { value: '签约', quote: '签约' },
      park: null,
    },
    {
      name: { value: '不存在的项目', quote: '不存在的光伏项目' },
      isAggregate: false,
      companies: [],
      investmentCny: null,
      capacity: null,
      jobs: null,
      outputValueCny: null,
      taxCny: null,
      stage: null,
      park: null,
    },
  ],
};

interface Seen {
  auth: string | undefined;
  body: { model: string; response_format: { type: string } };
}

describe('language-model extractor (OpenAI-compatible, loopback)', () => {
  let server: Server;
  let base = '';
  let mode: 'ok' | 'slow' | 'broken' = 'ok';
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          auth: req.headers.authorization,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        });
        if (mode === 'slow') return; // never answers: the client's timeout must end the wait
        res.setHeader('content-type', 'application/json');
        const content = mode === 'broken' ? '{"projects": "not a list"}' : JSON.stringify(ANSWER);
        res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
  });

  it('is off unless URL and model are set (nothing leaves the machine)', () => {
    expect(llmConfig({})).toBeNull();
    expect(llmConfig({ LIANZHAO_LLM_URL: 'http://127.0.0.1:1/v1' })).toBeNull();
    expect(llmConfig({ LIANZHAO_LLM_URL: 'http://h/v1', LIANZHAO_LLM_MODEL: 'qwen' })?.url).toBe(
      'http://h/v1/chat/completions',
    );
  });

  it('keeps only values whose words are in the text, with their spans', async () => {
    mode = 'ok';
    const cfg = llmConfig({
      LIANZHAO_LLM_URL: base,
      LIANZHAO_LLM_MODEL: 'qwen-test',
      LIANZHAO_LLM_KEY: 'k1',
    });
    if (!cfg) throw new Error('config');
    const page = await createLlmExtractor(cfg, ruleExtractor).extractPage(TEXT, {
      articleDate: '2024-05-10',
    });
    const last = seen[seen.length - 1];
    expect(last?.auth).toBe('Bearer k1');
    expect(last?.body.model).toBe('qwen-test');
    expect(last?.body.response_format.type).toBe('json_schema');
    const projects = page.articles.flatMap((a) => a.projects);
    expect(projects.map((p) => p.name)).toEqual(['华晟精密年产500万套轴承项目']);
    const [p] = projects;
    expect(p?.investment?.yuan).toBe(600_000_000);
    expect(TEXT.slice(p?.investment?.span.start, p?.investment?.span.end)).toBe('总投资6亿元');
    expect(p?.jobs?.count).toBe(300);
    expect(p?.outputValue).toBeNull();
    expect(p?.tax).toBeNull();
    expect(p?.stage?.stage).toBe('签约');
    expect(page.warnings).toEqual([]);
  });

  it('falls back to the rules when the model is slow, answers out of shape or is not there', async () => {
    const rules = await ruleExtractor.extractPage(TEXT, { articleDate: '2024-05-10' });
    for (const m of ['slow', 'broken'] as const) {
      mode = m;
      const cfg = llmConfig({
        LIANZHAO_LLM_URL: base,
        LIANZHAO_LLM_MODEL: 'qwen-test',
        LIANZHAO_LLM_TIMEOUT_MS: '300',
      });
      if (!cfg) throw new Error('config');
      const page = await createLlmExtractor(cfg, ruleExtractor).extractPage(TEXT, {
        articleDate: '2024-05-10',
      });
      expect(page.articles.flatMap((a) => a.projects.map((p) => p.name))).toEqual(
        rules.articles.flatMap((a) => a.projects.map((p) => p.name)),
      );
      expect(page.warnings.join(' ')).toContain('language model did not answer usably');
    }
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const cfg = llmConfig({ LIANZHAO_LLM_URL: `http://127.0.0.1:${port}/v1`, LIANZHAO_LLM_MODEL: 'm' });
    if (!cfg) throw new Error('config');
    const page = await createLlmExtractor(cfg, ruleExtractor).extractPage(TEXT, {
      articleDate: '2024-05-10',
    });
    expect(page.articles.flatMap((a) => a.projects).length).toBeGreaterThan(0);
    expect(page.warnings.join(' ')).toContain('rules');
  });
});
