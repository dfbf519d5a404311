#!/usr/bin/env node
/**
 * `npm start`: builds what is missing or stale (plugin, extension, the demo
 * shop and its server), serves the demo shop on 127.0.0.1 with its fake
 * OneTrust banner, local CDN, Segment API sink and vendors, and prints where
 * to look. `--browser` also opens Chromium with the debugger loaded.
 * Ctrl-C stops everything and exits with 0. Plain ESM: Node 20 runs it as is.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { demoBuildExists, ensureBuilt } from './launcher/build-steps.mjs'
import { findBrowser, launchBrowser } from './launcher/chromium.mjs'
import { parseArgs, USAGE } from './launcher/cli-args.mjs'
import { EXTENSION_DIST, SERVER_BUNDLE, SHOP_DIST } from './launcher/paths.mjs'

function fail(message) {
  console.error(`npm start: ${message}`)
  process.exit(1)
}

let args
try {
  args = parseArgs(process.argv.slice(2))
} catch (error) {
  fail(`${error.message}\n\n${USAGE}`)
}
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}

let failedSteps = []
if (args.build) {
  try {
    failedSteps = await ensureBuilt({ skip: args.skipBuild })
  } catch (error) {
    fail(error.message)
  }
} else if (!demoBuildExists()) {
  fail('--no-build, but the demo is not built (demo/dist is missing); run `npm start` once without it')
}

const { startDemoServer } = await import(pathToFileURL(SERVER_BUNDLE).href)
let demo
try {
  demo = await startDemoServer({ shopDir: SHOP_DIST, port: args.port, leaky: args.leaky })
} catch (error) {
  fail(error.message)
}

let browser
let stopping = false
/** Ctrl-C (SIGINT) or SIGTERM: stop the browser and both servers, exit 0. Installed before anything is printed. */
async function stop(signal) {
  if (stopping) return
  stopping = true
  console.log(`\n${signal}: stopping the demo...`)
  await Promise.allSettled([browser?.stop(), demo.close()])
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))

const extensionBuilt = existsSync(join(EXTENSION_DIST, 'manifest.json'))
const lines = [
  '',
  args.leaky ? 'Consent Guard demo shop, LEAKY variant (a hard-coded Facebook Pixel tag ignores consent)' : 'Consent Guard demo shop',
  '',
  `  Shop:       ${demo.url}/`,
  `  Sink view:  ${demo.sinkUrl}   (what reached Segment and each vendor, live)`,
  `  Fake CDN, Segment API and vendors: ${demo.thirdPartyUrl}`,
  '',
  !extensionBuilt
    ? `  Debugger extension: not built (${EXTENSION_DIST}); run \`npm run build:extension\``
    : failedSteps.includes('extension')
      ? `  Debugger extension: ${EXTENSION_DIST} (an earlier build: rebuilding it failed, see the warning above)`
      : `  Debugger extension: ${EXTENSION_DIST}`,
  '    Load it in Chrome or Chromium: chrome://extensions -> Developer mode -> Load unpacked -> that folder,',
  '    then open DevTools on the shop and pick the "Consent Guard" panel.',
  '',
  '  Walkthrough: docs/demo.md. Press Ctrl-C to stop.',
  '',
]
if (args.port !== 0 && demo.port !== args.port) {
  lines.splice(1, 0, `Port ${args.port} is in use; using ${demo.port} instead.`)
}
console.log(lines.join('\n'))

if (args.browser) {
  let executable
  let problem = 'no Chromium or Chrome found'
  try {
    executable = findBrowser()
  } catch (error) {
    problem = error.message
  }
  if (!executable) {
    console.error(
      `--browser: ${problem}. Set CHROME_PATH to a Chromium-family browser, or install Chromium ` +
        '(Debian: apt-get install chromium).\nThe shop keeps running; open the URL above in any browser.',
    )
  } else {
    browser = await launchBrowser({ executable, url: `${demo.url}/`, extensionDir: extensionBuilt ? EXTENSION_DIST : undefined })
    if (stopping) await browser.stop() // Ctrl-C came while it was starting
    console.log(`Launched ${executable}${extensionBuilt ? ' with the debugger extension' : ' (without the extension: not built)'}.`)
    void browser.exited.then(({ code, error }) => {
      if (stopping) return
      const why = error ? `could not start: ${error.message}` : `exited${code ? ` with code ${code}` : ''}`
      console.log(`The browser ${why}. The shop is still served; Ctrl-C to stop.`)
    })
  }
}

