// The refusals of news intake's reading step, apart from intake-decode.ts so that the readers in the
// parse worker (intake-readers.ts) can use them without importing the code that starts that worker.

import { INTAKE_LIMITS } from '../../../../shared/src/intake';
import { errors } from '../../plugins/errors';

export const refuse = (code: string, zh: string, en: string) =>
  errors.badRequest(code, { zh, en }, [{ path: 'file', message: { zh, en } }]);

export const intakeErrors = {
  empty: () =>
    errors.badRequest(
      'INTAKE_EMPTY',
      {
        zh: '没有可读的文字：请粘贴新闻正文或上传文件',
        en: 'There is no text: paste the article or upload a file',
      },
      [{ path: 'text', message: { zh: '内容为空', en: 'empty' } }],
    ),
  notText: () =>
    errors.badRequest(
      'INTAKE_NOT_TEXT',
      {
        zh: '内容不像文字（可能是二进制文件或编码错误），未保存任何内容',
        en: 'This does not look like text (a binary file or a wrong encoding); nothing was saved',
      },
      [{ path: 'text', message: { zh: '不是可读文字', en: 'not readable text' } }],
    ),
  tooLong: (chars: number) =>
    errors.badRequest(
      'INTAKE_TOO_LONG',
      {
        zh: `文字过长（${chars} 字，上限 ${INTAKE_LIMITS.maxTextChars} 字），请拆分后分次录入`,
        en: `The text is too long (${chars} characters, limit ${INTAKE_LIMITS.maxTextChars}); split it`,
      },
      [{ path: 'text', message: { zh: '文字过长', en: 'too long' } }],
    ),
  pdfNoText: () =>
    refuse(
      'INTAKE_PDF_NO_TEXT',
      'PDF 没有文字层（可能是扫描件或图片），请先做文字识别（OCR）或直接粘贴文字',
      'The PDF has no text layer (a scan or images); run OCR first or paste the text',
    ),
  unreadable: (what: string) =>
    refuse(
      'INTAKE_FILE_UNREADABLE',
      `无法读取该${what}文件（文件损坏、加密或格式不符）`,
      `The ${what} file cannot be read (damaged, encrypted or not what its name says)`,
    ),
  unsupported: () =>
    refuse(
      'INTAKE_FILE_TYPE',
      '仅支持 .txt、.docx、.pdf 文件（旧版 .doc 请另存为 .docx）',
      'Only .txt, .docx and .pdf files are accepted (save an old .doc as .docx)',
    ),
};
