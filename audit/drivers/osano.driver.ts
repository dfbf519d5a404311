import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction } from './driver-types'

/** Osano's categories (`ESSENTIAL`, `ANALYTICS`, ...), the keys of `Osano.cm.getConsent()`. */
const listOsanoCategories: PageFunction<DriverOptions, string[]> = async (options) => {
  const end = Date.now() + (options?.timeoutMs ?? 10000)
  for (;;) {
    try {
      const consent = (window as any).Osano?.cm?.getConsent?.()
      if (consent && typeof consent === 'object') return Object.keys(consent)
    } catch {
      // osano.js still loading: look again.
    }
    if (Date.now() >= end) return []
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Osano has no public way to set consent (its docs list getters, events and
 * `showDialog()` / `showDrawer()` only), so this drives its UI like a visitor:
 * "Accept All" / "Reject Non-Essential" in the dialog, or the preferences
 * drawer's toggles and "Save" for `only`. Osano's own class names are the
 * defaults; `options.selectors` overrides them. Succeeds once Osano fires
 * `osano-cm-consent-saved`.
 */
const driveOsano: PageFunction<DriveRequest, DriveResult> = async (request) => {
  let stop = () => {}
  try {
    const scenario = request.scenario
    const options = request.options ?? {}
    const timeoutMs = options.timeoutMs ?? 10000
    const end = Date.now() + timeoutMs
    const selectors = {
      acceptAll: '.osano-cm-accept-all',
      rejectAll: '.osano-cm-denyAll',
      save: '.osano-cm-save',
      category: '#osano-cm-drawer-toggle--category_{id}, .osano-cm-toggle__input[data-category="{id}"]' as string | ((id: string) => string),
      ...options.selectors,
    }
    const pause = () => new Promise((resolve) => setTimeout(resolve, 50))
    const until = async <T>(find: () => T | null | undefined): Promise<T | undefined> => {
      for (;;) {
        const found = find()
        if (found || Date.now() >= end) return found ?? undefined
        await pause()
      }
    }
    const find = (css: string) => document.querySelector<HTMLElement>(css)
    const cm = await until(() => {
      const candidate = (window as any).Osano?.cm
      return candidate && typeof candidate.getConsent === 'function' && typeof candidate.addEventListener === 'function' ? candidate : undefined
    })
    if (!cm) return { ok: false, detail: `Osano (window.Osano.cm) did not load within ${timeoutMs} ms` }
    let saved = false
    const onSaved = () => {
      saved = true
    }
    cm.addEventListener('osano-cm-consent-saved', onSaved)
    stop = () => cm.removeEventListener?.('osano-cm-consent-saved', onSaved)
    const finish = async (clicked: string): Promise<DriveResult> =>
      (await until(() => saved)) ? { ok: true, detail: `clicked ${clicked}` } : { ok: false, detail: `clicked ${clicked}, but Osano saved no consent within ${timeoutMs} ms` }

    if (scenario.kind === 'accept-all' || scenario.kind === 'reject-all') {
      const css = scenario.kind === 'accept-all' ? selectors.acceptAll : selectors.rejectAll
      // A visitor who already chose sees no dialog: open it, as the "cookie preferences" link does.
      if (!find(css) && typeof cm.showDialog === 'function') cm.showDialog()
      const button = await until(() => find(css))
      if (!button) return { ok: false, detail: `no element matched ${css} within ${timeoutMs} ms` }
      button.click()
      return await finish(css)
    }

    const known = Object.keys(cm.getConsent() ?? {})
    const unknown = scenario.categories.filter((id) => !known.includes(id))
    if (unknown.length) return { ok: false, detail: `Osano has no category ${unknown.join(', ')} (it has ${known.join(', ')})` }
    const template = selectors.category
    const toggleOf = (id: string) => (typeof template === 'function' ? template(id) : template.split('{id}').join(id))
    if (options.selectors?.openSettings) {
      const open = await until(() => find(options.selectors!.openSettings!))
      if (!open) return { ok: false, detail: `no element matched ${options.selectors.openSettings} within ${timeoutMs} ms` }
      open.click()
    } else if (typeof cm.showDrawer === 'function') cm.showDrawer('osano-cm-preferences')
    const save = await until(() => find(selectors.save))
    if (!save) return { ok: false, detail: `no element matched ${selectors.save} within ${timeoutMs} ms` }
    const isOn = (el: HTMLElement) => (el instanceof HTMLInputElement ? el.checked : el.getAttribute('aria-checked') === 'true')
    for (const id of known) {
      const want = scenario.categories.includes(id)
      const toggle = find(toggleOf(id))
      // ESSENTIAL is locked on; a category without a toggle (OPT_OUT outside the US) keeps its value unless asked for.
      if (!toggle || (toggle as HTMLInputElement).disabled) {
        if (want && !(toggle && isOn(toggle))) return { ok: false, detail: `Osano's drawer offers no toggle to switch "${id}" on (${toggleOf(id)})` }
        continue
      }
      if (isOn(toggle) !== want) toggle.click()
      if (isOn(toggle) !== want) return { ok: false, detail: `clicking ${toggleOf(id)} did not switch "${id}" ${want ? 'on' : 'off'}` }
    }
    save.click()
    return await finish(`the drawer toggles for [${scenario.categories.join(', ')}] and ${selectors.save}`)
  } catch (error) {
    return { ok: false, detail: `driving Osano failed: ${error instanceof Error ? error.message : String(error)}` }
  } finally {
    try {
      stop()
    } catch {
      // The listener only lived for this call.
    }
  }
}

/**
 * Osano (`osano()` adapter): its dialog and preferences drawer, clicked.
 *
 * @example
 * await page.evaluate(osanoDriver.drive, { scenario: { kind: 'reject-all' }, options: {} })
 */
export const osanoDriver: ConsentDriver = { platform: 'osano', listCategories: listOsanoCategories, drive: driveOsano }
