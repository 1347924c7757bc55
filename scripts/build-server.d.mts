/** Compiles server/ and shared/ into dist/server (see build-server.mjs). */
export function buildServer(opts?: { quiet?: boolean }): Promise<void>;
export function buildServerOnce(options?: { quiet?: boolean; isCurrent?: () => boolean }): Promise<void>;
