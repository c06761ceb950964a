#!/usr/bin/env node
// The `gsim` command: registers tsx so the TypeScript sources run as they are, then hands over to
// src/cli/main.ts. Paths resolve from this file, so gsim works from any working directory.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
await runCli();
