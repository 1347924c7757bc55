#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (a regular dependency), so there is no separate server build.
import { register } from 'tsx/esm/api';

register();
await import('../server/src/cli/main.ts');
