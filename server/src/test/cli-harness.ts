import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { CliIo } from '../cli/io';
import { runCli } from '../cli/program';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface CliResult {
  code: number;
  /** Standard output and standard error together, in the order written. */
  out: string;
}

/** The environment a command sees: its own data folder, SQLite, no admin password from the shell. */
function cliEnv(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LIANZHAO_DATA_DIR: dataDir,
    DATABASE_URL: '',
    LIANZHAO_ADMIN_PASSWORD: '',
    ...extra,
  };
}

/** Runs `lianzhao <args>` in this process (the same command functions as the shell entry). */
export async function runCliInProcess(
  dataDir: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<CliResult> {
  let out = '';
  const io: CliIo = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      out += text;
    },
    env: cliEnv(dataDir, extraEnv),
  };
  const code = await runCli(args, io);
  return { code, out };
}

/** Runs the real `bin/lianzhao.mjs` (the compiled server) in a child process. */
export function runBuiltCli(dataDir: string, args: string[]): CliResult {
  const res = spawnSync(process.execPath, ['bin/lianzhao.mjs', ...args], {
    cwd: ROOT,
    env: cliEnv(dataDir, {}),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status ?? -1, out: `${res.stdout}${res.stderr}` };
}
