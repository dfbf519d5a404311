// Node types: the package's .d.ts build (tsconfig.types.json) compiles plugin/** with "types": [].
/// <reference types="node" />
/**
 * The `consent-guard` executable (built to dist/audit.mjs by
 * vite.audit.config.ts, which adds the `#!/usr/bin/env node` line).
 */
import { processIo, runCli } from './cli'

process.exitCode = await runCli(process.argv.slice(2), processIo())
