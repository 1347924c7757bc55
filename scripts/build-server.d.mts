/** Compiles server/ and shared/ into dist/server (see build-server.mjs). */
export function buildServer(opts?: { quiet?: boolean }): Promise<void>;
