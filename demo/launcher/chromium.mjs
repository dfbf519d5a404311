/**
 * `npm start -- --browser`: finds a Chromium-family browser and starts it
 * in a throw-away profile with the debugger extension loaded, the shop
 * open and DevTools open on every tab (where the Consent Guard panel is).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, isAbsolute, join } from 'node:path'

const CANDIDATES = ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']
const MAC_APPS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name)
  }
  return undefined
}

/** `CHROME_PATH`, else the first of /usr/bin/chromium, chromium, google-chrome, ... that exists. */
export function findBrowser(env = process.env) {
  if (env.CHROME_PATH) {
    if (!existsSync(env.CHROME_PATH)) throw new Error(`CHROME_PATH is ${env.CHROME_PATH}, which does not exist`)
    return env.CHROME_PATH
  }
  for (const candidate of [...CANDIDATES, ...(process.platform === 'darwin' ? MAC_APPS : [])]) {
    const found = isAbsolute(candidate) ? (existsSync(candidate) ? candidate : undefined) : onPath(candidate)
    if (found) return found
  }
  return undefined
}

/**
 * Starts the browser. Returns `{ child, stop }`; `stop()` ends it and
 * removes the temporary profile. `extensionDir` may be undefined (not built).
 */
export async function launchBrowser({ executable, url, extensionDir }) {
  const profile = await mkdtemp(join(tmpdir(), 'consent-guard-demo-browser-'))
  const args = [
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--auto-open-devtools-for-tabs',
    ...(extensionDir
      ? [
          `--load-extension=${extensionDir}`,
          `--disable-extensions-except=${extensionDir}`,
          // Branded Chrome 137+ ignores --load-extension unless this feature is off; Chromium needs nothing.
          '--disable-features=DisableLoadExtensionCommandLineSwitch',
        ]
      : []),
    // Chromium refuses to start as root with its sandbox on.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    url,
  ]
  const child = spawn(executable, args, { stdio: 'ignore' })
  let stopped = false
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
    child.once('error', (error) => resolve({ code: null, signal: null, error }))
  })
  return {
    child,
    exited,
    async stop() {
      if (stopped) return
      stopped = true
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      }
      await rm(profile, { recursive: true, force: true }).catch(() => {})
    },
  }
}
