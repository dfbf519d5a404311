/**
 * Test helpers for the consent drivers: run a driver the way the audit does
 * (audit/drivers/run-driver.ts: wait for `ready`, `drive`, wait for
 * `applied`), each function rebuilt from its source text as playwright sends
 * it (so a driver that leans on anything outside its own body fails here),
 * and a tiny consent banner whose buttons call a platform fake.
 */
import { onTestFinished } from 'vitest'
import type { ConsentDriver, ConsentScenario, DriveResult, DriverOptions, DriverSelectors } from '../../audit/drivers/driver-types'
import { listDriverCategories, runDriver, type DriverHost } from '../../audit/drivers/run-driver'

/** A copy of `fn` rebuilt from its source text alone, as `page.evaluate` sends it. */
export function serialised<F extends (...args: never[]) => unknown>(fn: F): F {
  return new Function(`return (${fn.toString()})`)() as F
}

/** How often `testHost` tests a predicate, ms. */
const POLL_MS = 10

/**
 * This realm as the page, for happy-dom tests: what `page.evaluate` and
 * `page.waitForFunction` do, on serialised copies, the waiting a plain timer
 * (fine in a test; the drivers themselves must not poll).
 */
export const testHost: DriverHost = {
  evaluate: (fn, arg) => Promise.resolve(serialised(fn)(arg)),
  async waitFor(predicate, arg, timeoutMs) {
    const test = serialised(predicate)
    const end = Date.now() + timeoutMs
    for (;;) {
      if (test(arg)) return true
      if (Date.now() >= end) return false
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
  },
}

/** Runs `driver` through `runDriver`, as the audit does. */
export function drive(driver: ConsentDriver, scenario: ConsentScenario, options: DriverOptions = {}): Promise<DriveResult> {
  return runDriver(testHost, driver, { scenario, options })
}

/** Waits for the platform, then runs the serialised copy of `driver.listCategories`. */
export function listCategories(driver: ConsentDriver, options: DriverOptions = {}): Promise<string[]> {
  return listDriverCategories(testHost, driver, { scenario: { kind: 'accept-all' }, options })
}

/**
 * Deletes page globals now, for a property run that sets a platform up
 * again: snippets keep a queue they find (`x = x || []`), which would still
 * hold the previous run's platform.
 */
export function freshPage(...names: string[]): void {
  for (const name of names) delete (globalThis as Record<string, unknown>)[name]
}

/** Options for `bannerFixture`. */
export interface BannerFixtureOptions {
  /** One checkbox per category in the settings view. */
  categories: string[]
  /** Categories whose checkbox is checked and disabled (always on, like "necessary"). */
  locked?: string[]
  onAccept(): void
  onReject(): void
  /** The save button: gets the categories checked at that moment. */
  onSave(checked: string[]): void
  /** Wraps every button handler, e.g. to run it with a user activation. */
  around?: (handler: () => void) => void
}

/**
 * A consent banner in the page: accept, reject and settings buttons; the
 * settings view (checkboxes and a save button) appears only after a click on
 * settings, a moment later, as real banners render it. Removed after the test.
 */
export function bannerFixture(options: BannerFixtureOptions): Required<Omit<DriverSelectors, 'category'>> & { category: string } {
  const around = options.around ?? ((handler: () => void) => handler())
  const root = document.createElement('div')
  root.id = 'fixture-banner'
  const button = (id: string, text: string, handler: () => void) => {
    const element = document.createElement('button')
    element.id = id
    element.textContent = text
    element.addEventListener('click', () => around(handler))
    return element
  }
  const settings = () => {
    const view = document.createElement('div')
    for (const id of options.categories) {
      const box = document.createElement('input')
      box.type = 'checkbox'
      box.id = `fixture-category-${id}`
      box.checked = box.disabled = options.locked?.includes(id) ?? false
      view.append(box)
    }
    view.append(
      button('fixture-save', 'Save', () =>
        options.onSave(options.categories.filter((id) => (document.getElementById(`fixture-category-${id}`) as HTMLInputElement).checked)),
      ),
    )
    setTimeout(() => root.append(view), 20)
  }
  root.append(button('fixture-accept', 'Accept all', options.onAccept), button('fixture-reject', 'Reject all', options.onReject), button('fixture-settings', 'Settings', settings))
  document.body.append(root)
  onTestFinished(() => root.remove())
  return { acceptAll: '#fixture-accept', rejectAll: '#fixture-reject', openSettings: '#fixture-settings', save: '#fixture-save', category: '#fixture-category-{id}' }
}
