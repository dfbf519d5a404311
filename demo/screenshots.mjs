#!/usr/bin/env node
/**
 * `npm run screenshots`: the pictures of docs/demo.md, taken from the real
 * demo. Builds what is stale (as `npm start` does), starts the demo server,
 * drives the shop in headless Chromium with the debugger extension loaded,
 * and saves PNGs to docs/images/:
 *   demo-shop-banner.png        the shop on a first visit, OneTrust banner open
 *   demo-preference-center.png  the preference center, after "Reject All" and "Add to cart"
 *   demo-shop-consented.png     the same page after "Allow All" and another "Add to cart"
 *   demo-sink.png               the /sink view: refused events, then delivered ones
 *   demo-debugger-panel.png     the Consent Guard panel for the shop's tab, the refused event selected
 * The panel shot is skipped, with a message, when the extension is not built
 * or its panel does not show the shop's events.
 * Nothing leaves 127.0.0.1: any other request is aborted and reported.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { ensureBuilt } from './launcher/build-steps.mjs'
import { EXTENSION_DIST, repoPath, SERVER_BUNDLE, SHOP_DIST } from './launcher/paths.mjs'

const VIEWPORT = { width: 1280, height: 800 }
const WAIT = 30_000
const DEVICE_DESTINATIONS = 5

const argv = process.argv.slice(2)
const outAt = argv.indexOf('--out')
// --out DIR: where the PNGs go (the CI test writes them to a temporary folder); default docs/images.
const OUT = outAt >= 0 && argv[outAt + 1] ? argv[outAt + 1] : repoPath('docs/images')
const rest = argv.filter((a, i) => i !== outAt && i !== outAt + 1)
if (rest.some((a) => a !== '--no-build')) {
  console.error('Usage: node demo/screenshots.mjs [--no-build] [--out DIR]')
  process.exit(1)
}
if (!argv.includes('--no-build')) await ensureBuilt()

const { startDemoServer } = await import(pathToFileURL(SERVER_BUNDLE).href)
const demo = await startDemoServer({ shopDir: SHOP_DIST, port: 0 })
const withExtension = existsSync(join(EXTENSION_DIST, 'manifest.json'))
const profile = await mkdtemp(join(tmpdir(), 'consent-guard-screenshots-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: VIEWPORT,
  args: [
    ...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIST}`, `--load-extension=${EXTENSION_DIST}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--hide-scrollbars',
  ],
})
const leaks = []
await context.route(
  (url) => url.protocol.startsWith('http') && !['127.0.0.1', 'localhost'].includes(url.hostname),
  (route) => {
    leaks.push(route.request().url())
    return route.abort('blockedbyclient')
  },
)

const saved = []
async function shoot(page, name, options = {}) {
  await mkdir(OUT, { recursive: true })
  const path = join(OUT, name)
  await page.screenshot({ path, ...options })
  saved.push(path)
  console.log(`saved ${path}`)
}

async function sinkReport() {
  return (await fetch(`${demo.url}/sink/log.json`)).json()
}

/** Polls until `check()` is truthy; returns its value (or throws after WAIT ms). */
async function until(what, check) {
  const deadline = Date.now() + WAIT
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** The shop tab's id, from the extension: its own tab list if it has one, else chrome.tabs. */
async function shopTabId(url) {
  const page = await context.newPage()
  try {
    await page.goto(`chrome-extension://${extensionId}/panel/panel.html`)
    return await until('the shop tab in the extension', () =>
      page.evaluate(async (shopUrl) => {
        const listed = await chrome.runtime.sendMessage({ type: 'list-tabs' }).catch(() => undefined)
        const fromList = Array.isArray(listed) ? listed.find((t) => t && t.url === shopUrl)?.tabId : undefined
        if (typeof fromList === 'number') return fromList
        const tabs = await chrome.tabs.query({})
        return tabs.find((t) => t.url === shopUrl)?.id
      }, url),
    )
  } finally {
    await page.close()
  }
}

let extensionId
let exitCode = 0
try {
  if (withExtension) {
    const isExtension = (w) => w.url().startsWith('chrome-extension://')
    const worker = context.serviceWorkers().find(isExtension) ?? (await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: WAIT }))
    extensionId = new URL(worker.url()).host
  }

  const shop = await context.newPage()
  await shop.goto(`${demo.url}/`)
  await shop.getByRole('region', { name: 'Cookie banner' }).waitFor()
  await shop.waitForFunction(() => [...document.images].every((img) => img.complete))
  await shoot(shop, 'demo-shop-banner.png')

  // All on one page, as a visitor would: refuse, shop, change their mind, shop again. No reload.
  await shop.getByRole('region', { name: 'Cookie banner' }).getByRole('button', { name: 'Reject All' }).click()
  await shop.getByRole('button', { name: 'Add Canvas Tote to cart' }).click()
  await until('the refused "Product Added" at the sink', async () => (await sinkReport()).segmentEvents.some((e) => e.label === 'Product Added'))
  await shop.locator('.toast').waitFor({ state: 'detached', timeout: WAIT })
  await shop.getByRole('button', { name: 'Cookie Settings' }).click()
  await shop.getByRole('dialog', { name: 'Privacy Preference Center' }).waitFor()
  await shoot(shop, 'demo-preference-center.png')
  await shop.getByRole('dialog', { name: 'Privacy Preference Center' }).getByRole('button', { name: 'Allow All' }).click()
  await shop.getByRole('button', { name: 'Add Enamel Camp Mug to cart' }).click()
  await until('every device destination to receive "Product Added"', async () => {
    const report = await sinkReport()
    return report.destinations.filter((d) => d.mode !== 'cloud' && d.eventsReceived.some((e) => e.includes('Product Added'))).length === DEVICE_DESTINATIONS
  })
  await shoot(shop, 'demo-shop-consented.png')

  const sink = await context.newPage()
  await sink.setViewportSize({ width: 1280, height: 1100 })
  await sink.goto(`${demo.url}/sink`)
  await sink.getByText(/received \d+ events?/).first().waitFor({ timeout: WAIT })
  await shoot(sink, 'demo-sink.png')

  if (!withExtension) {
    console.log(`skipped demo-debugger-panel.png: the extension is not built (${EXTENSION_DIST}); run \`npm run build:extension\``)
  } else {
    try {
      const tabId = await shopTabId(`${demo.url}/`)
      const panel = await context.newPage()
      await panel.goto(`chrome-extension://${extensionId}/panel/panel.html?tabId=${tabId}`)
      await until('both "Product Added" events in the panel', async () => (await panel.getByText('Product Added', { exact: true }).count()) === 2)
      // Select the refused one: its routing table shows each destination blocked, and why.
      await panel.getByText('Product Added', { exact: true }).first().click()
      await shoot(panel, 'demo-debugger-panel.png')
    } catch (error) {
      console.log(`skipped demo-debugger-panel.png: the panel is not ready (${error.message.split('\n')[0]})`)
    }
  }
  if (leaks.length) throw new Error(`requests left 127.0.0.1:\n  ${leaks.join('\n  ')}`)
} catch (error) {
  console.error(`screenshots failed: ${error.message}`)
  exitCode = 1
} finally {
  await context.close().catch(() => {})
  await rm(profile, { recursive: true, force: true })
  await demo.close()
}
console.log(`${saved.length} screenshot(s) in ${OUT}`)
process.exit(exitCode)
