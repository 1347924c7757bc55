import { processIo } from './io';
import { runCli } from './program';

/** The shell entry of `lianzhao` (bin/lianzhao.mjs loads the compiled copy of this file). */
process.exitCode = await runCli(process.argv.slice(2), processIo);
