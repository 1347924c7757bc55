import type { AppConfig } from '../config';
import { loadConfig } from '../config';

/**
 * Where a command writes and what environment it reads. The shell entry passes the process's own;
 * tests run commands in-process with a recording one, so no child process compiles the server.
 */
export interface CliIo {
  /** Results a user may pipe (a report, "instance created"). */
  out(text: string): void;
  /** Refusals and failures. */
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/** A command's exit code: 0 done, 2 refused (bad input, nothing changed), 3 stopped but resumable. */
export type ExitCode = 0 | 1 | 2 | 3;

export function configOf(io: CliIo): AppConfig {
  return loadConfig(io.env);
}

/** One line to standard output. */
export function say(io: CliIo, line: string): void {
  io.out(`${line}\n`);
}

/** One line to standard error; the caller returns the refusal's exit code. */
export function refuse(io: CliIo, line: string): 2 {
  io.err(`${line}\n`);
  return 2;
}
