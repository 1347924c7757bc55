import type { ChainPosition, LinkPriority } from '../../../../shared/src/chain';

/**
 * The chain workbook's marker and its Chinese cell values, apart from the reader so that the chain
 * service can use them without loading exceljs at start-up (the reader is imported when a file comes).
 */
export const CHAIN_FILE_FORMAT = 'lianzhao.chain';
export const POSITION_ZH: Record<ChainPosition, string> = { up: '上游', mid: '中游', down: '下游' };
export const PRIORITY_ZH: Record<LinkPriority, string> = { high: '高', medium: '中', low: '低' };
