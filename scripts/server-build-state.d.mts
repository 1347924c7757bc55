export const ROOT: string;
export const OUT_DIR: string;
export const MANIFEST_NAME: string;
export const MANIFEST: string;
export const CLI_ENTRY: string;
/** True when dist/server holds a build at least as new as every source file it was made from. */
export function serverBuildIsCurrent(): boolean;
