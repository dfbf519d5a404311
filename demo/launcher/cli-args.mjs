/**
 * The flags of `npm start -- <flags>` (and of demo/screenshots.mjs).
 * Unknown flags are an error, never ignored: a typo should not silently
 * start the demo some other way.
 */
import { BUILD_STEPS } from './build-steps.mjs'

const BUILD_STEP_IDS = BUILD_STEPS.map((step) => step.id)

export const USAGE = `Usage: npm start -- [--port N] [--browser] [--leaky] [--no-build] [--skip-build STEPS]

  --port N            serve the shop on 127.0.0.1:N (default 4173; if taken, the next free port; 0: any free port)
  --browser           also launch Chromium with the debugger extension loaded and DevTools open
  --leaky             serve the deliberately leaky variant: a hard-coded vendor tag on every page, outside the
                      plugin's control (what \`consent-guard audit\` must catch)
  --no-build          build nothing; fail if the demo's build output is missing
  --skip-build STEPS  do not build these steps (comma-separated: ${BUILD_STEP_IDS.join(', ')}); the others
                      are still built when missing or stale
  --help              show this text`

/** Parses argv (without node and the script); throws an Error with a usage hint on bad input. */
export function parseArgs(argv) {
  const args = { port: 4173, browser: false, leaky: false, build: true, skipBuild: [], help: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    switch (flag) {
      case '--port': {
        const value = inline ?? argv[++i]
        const port = Number(value)
        if (value === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
          throw new Error(`--port needs a port number between 0 and 65535, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`)
        }
        args.port = port
        break
      }
      case '--browser':
        args.browser = true
        break
      case '--leaky':
        args.leaky = true
        break
      case '--no-build':
        args.build = false
        break
      case '--skip-build': {
        const value = inline ?? argv[++i] ?? ''
        const steps = value.split(',').map((step) => step.trim()).filter(Boolean)
        const unknown = steps.filter((step) => !BUILD_STEP_IDS.includes(step))
        if (steps.length === 0 || unknown.length > 0) {
          throw new Error(`--skip-build takes steps among ${BUILD_STEP_IDS.join(', ')}, got ${JSON.stringify(value)}`)
        }
        args.skipBuild.push(...steps)
        break
      }
      case '--help':
      case '-h':
        args.help = true
        break
      default:
        throw new Error(`unknown option ${JSON.stringify(arg)}`)
    }
  }
  return args
}
