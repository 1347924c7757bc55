import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FieldError } from '../../../shared/src/contract/errors';
import type { Bilingual } from '../../../shared/src/i18n-message';
import { isUniqueViolation } from '../lib/sql-helpers';

/** The error shape is the contract's (shared/src/contract/errors.ts). */
export type { FieldError } from '../../../shared/src/contract/errors';

/** The one error shape every API error takes (the web client and integrations parse it). */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly bilingual: Bilingual,
    readonly fields: FieldError[] = [],
    /** Extra members of the error object the client needs (e.g. the duplicates a create collided with). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(bilingual.en);
  }
}

export const errors = {
  validation: (fields: FieldError[], message?: Bilingual) =>
    new AppError(
      400,
      'VALIDATION_FAILED',
      message ?? { zh: '输入有误，请检查标出的字段', en: 'Invalid input: see the fields' },
      fields,
    ),
  badRequest: (
    code: string,
    message: Bilingual,
    fields: FieldError[] = [],
    extra: Record<string, unknown> = {},
  ) => new AppError(400, code, message, fields, extra),
  unauthenticated: () => new AppError(401, 'UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' }),
  invalidCredentials: () =>
    new AppError(401, 'INVALID_CREDENTIALS', { zh: '用户名或密码错误', en: 'Wrong username or password' }),
  forbidden: () =>
    new AppError(403, 'FORBIDDEN', { zh: '没有权限执行此操作', en: 'You are not allowed to do this' }),
  csrf: () =>
    new AppError(403, 'CSRF_TOKEN_INVALID', {
      zh: '页面已过期，请刷新后重试',
      en: 'Missing or wrong CSRF token; reload the page',
    }),
  notFound: (entity: string) =>
    new AppError(404, 'NOT_FOUND', { zh: `记录不存在（${entity}）`, en: `Not found (${entity})` }),
  stale: () =>
    new AppError(409, 'STALE_VERSION', {
      zh: '该记录已被他人修改，请刷新后再改',
      en: 'Someone else changed this record; reload and try again',
    }),
  conflict: (
    code: string,
    message: Bilingual,
    fields: FieldError[] = [],
    extra: Record<string, unknown> = {},
  ) => new AppError(409, code, message, fields, extra),
  passwordChangeRequired: () =>
    new AppError(403, 'PASSWORD_CHANGE_REQUIRED', {
      zh: '首次登录须先修改密码',
      en: 'You must change your password before continuing',
    }),
  locked: () =>
    new AppError(423, 'ACCOUNT_LOCKED', {
      zh: '登录失败次数过多，账户已锁定15分钟',
      en: 'Too many failed sign-ins: the account is locked for 15 minutes',
    }),
  rateLimited: () =>
    new AppError(429, 'RATE_LIMITED', {
      zh: '请求过于频繁，请稍后再试',
      en: 'Too many requests; try again later',
    }),
};

interface ZodIssueLike {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** A reason a person can act on, in both languages, from a zod issue code. */
function reasonOf(issue: ZodIssueLike): Bilingual {
  const p = issue.params ?? {};
  const en = issue.message ?? 'invalid';
  switch (issue.keyword) {
    case 'unrecognized_keys': {
      const keys = (p.keys as string[] | undefined)?.join(', ') ?? '';
      return { zh: `不允许的字段：${keys}`, en: `Unknown field: ${keys}` };
    }
    case 'too_big':
      return { zh: `超出上限（${String(p.maximum ?? '')}）`, en };
    case 'too_small':
      return { zh: `低于下限（${String(p.minimum ?? '')}）`, en };
    case 'invalid_type':
      return { zh: p.input === undefined ? '必填' : '类型不正确', en };
    case 'invalid_format':
      return { zh: `格式不正确（${String(p.format ?? '')}）`, en };
    case 'invalid_value':
      return { zh: '取值不在允许范围内', en };
    default:
      return { zh: `格式不正确：${en}`, en };
  }
}

function renderZodIssues(issues: ReadonlyArray<ZodIssueLike>): FieldError[] {
  return issues.map((issue) => {
    const p = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const keys =
      issue.keyword === 'unrecognized_keys' ? (issue.params?.keys as string[] | undefined) : undefined;
    const path = keys && keys.length > 0 ? [p, keys.join(',')].filter(Boolean).join('.') : p || '(body)';
    return { path, message: reasonOf(issue) };
  });
}

/** One handler renders every error; internals of 5xx never leave the server. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    const requestId = request.id;
    if (err instanceof AppError) {
      return reply.status(err.status).send({
        error: {
          ...err.extra,
          code: err.code,
          status: err.status,
          message: err.bilingual,
          fields: err.fields,
          requestId,
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = renderZodIssues(err.validation).map((f) => ({
        ...f,
        path:
          err.validationContext && err.validationContext !== 'body'
            ? `${err.validationContext}.${f.path}`
            : f.path,
      }));
      const e = errors.validation(fields);
      return reply.status(400).send({
        error: { code: e.code, status: 400, message: e.bilingual, fields: e.fields, requestId },
      });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    // The shape of every error with no fields to name.
    const plain = (to: number, code: string, message: Bilingual) =>
      reply.status(to).send({ error: { code, status: to, message, fields: [], requestId } });
    if (status === 413) {
      return plain(413, 'PAYLOAD_TOO_LARGE', { zh: '提交的内容过大', en: 'The request body is too large' });
    }
    if (status >= 400 && status < 500) {
      return plain(
        status,
        err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST',
        { zh: `请求格式不正确：${err.message}`, en: err.message },
      );
    }
    if (isUniqueViolation(err)) {
      // Two people saving the same new record at the same instant, where no service names the
      // field: the second is told to reload, not that the server broke.
      request.log.warn({ err }, 'unique violation answered as a conflict');
      return plain(409, 'ALREADY_SAVED', {
        zh: '同样的记录刚被保存过，请刷新后查看',
        en: 'The same record was saved a moment ago; reload to see it',
      });
    }
    request.log.error({ err }, 'unhandled error');
    return plain(500, 'INTERNAL', {
      zh: '服务器内部错误，请联系管理员',
      en: 'Internal server error; please contact the administrator',
    });
  });
  app.setNotFoundHandler((request, reply) => {
    const e = errors.notFound(request.url.split('?')[0] ?? '');
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', status: 404, message: e.bilingual, fields: [], requestId: request.id },
    });
  });
}
