import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction, PagePredicate } from './driver-types'

/** osano.js has run: `window.Osano.cm` with its getters and events. */
const osanoReady: PagePredicate<DriveRequest> = () => {
  const cm = (window as any).Osano?.cm
  return !!cm && typeof cm.getConsent === 'function' && typeof cm.addEventListener === 'function'
}

/** Osano's categories (`ESSENTIAL`, `ANALYTICS`, ...), the keys of `Osano.cm.getConsent()`. */
const listOsanoCategories: PageFunction<DriverOptions, string[]> = () => {
  try {
    const consent = (window as any).Osano?.cm?.getConsent?.()
    if (consent && typeof consent === 'object') return Object.keys(consent)
  } catch {
    // osano.js still loading: nothing to list.
  }
  return []
}

/**
 * Osano has no public way to set consent (its docs list getters, events and
 * `showDialog()` / `showDrawer()` only), so this drives its UI like a visitor:
 * "Accept All" / "Reject Non-Essential" in the dialog, or the preferences
 * drawer's toggles and "Save" for `only`. Osano's own class names are the
 * defaults; `options.selectors` overrides them. The choice counts once Osano
 * fires `osano-cm-consent-saved` (kept in `window.__consentDriverOsanoSaved`
 * for `applied`, which runs as a separate call).
 */
const driveOsano: PageFunction<DriveRequest, DriveResult> = async (request) => {
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
    const find = (css: string) => document.querySelector<HTMLElement>(css)
    // The dialog and the drawer render after showDialog() / showDrawer(): one awaited callback per element, no polling.
    const appear = (css: string) =>
      new Promise<HTMLElement | undefined>((resolve) => {
        const now = find(css)
        if (now) return resolve(now)
        const done = (found: HTMLElement | undefined) => {
          observer.disconnect()
          clearTimeout(timer)
          resolve(found)
        }
        const observer = new MutationObserver(() => {
          const found = find(css)
          if (found) done(found)
        })
        const timer = setTimeout(() => done(undefined), Math.max(0, end - Date.now()))
        observer.observe(document, { childList: true, subtree: true, attributes: true })
      })
    const cm = (window as any).Osano?.cm
    if (!cm || typeof cm.getConsent !== 'function' || typeof cm.addEventListener !== 'function')
      return { ok: false, detail: `Osano (window.Osano.cm) did not load within ${timeoutMs} ms` }
    // Armed just before the deciding click; `applied` reads the flag.
    const w = window as any
    const arm = () => {
      w.__consentDriverOsanoSaved = false
      const onSaved = () => {
        w.__consentDriverOsanoSaved = true
        cm.removeEventListener?.('osano-cm-consent-saved', onSaved)
      }
      cm.addEventListener('osano-cm-consent-saved', onSaved)
    }
    const finish = (clicked: string): DriveResult => ({ ok: true, detail: `clicked ${clicked}` })

    if (scenario.kind === 'accept-all' || scenario.kind === 'reject-all') {
      const css = scenario.kind === 'accept-all' ? selectors.acceptAll : selectors.rejectAll
      // A visitor who already chose sees no dialog: open it, as the "cookie preferences" link does.
      if (!find(css) && typeof cm.showDialog === 'function') cm.showDialog()
      const button = await appear(css)
      if (!button) return { ok: false, detail: `no element matched ${css} within ${timeoutMs} ms` }
      arm()
      button.click()
      return finish(css)
    }

    const known = Object.keys(cm.getConsent() ?? {})
    const unknown = scenario.categories.filter((id) => !known.includes(id))
    if (unknown.length) return { ok: false, detail: `Osano has no category ${unknown.join(', ')} (it has ${known.join(', ')})` }
    const template = selectors.category
    const toggleOf = (id: string) => (typeof template === 'function' ? template(id) : template.split('{id}').join(id))
    if (options.selectors?.openSettings) {
      const open = await appear(options.selectors.openSettings)
      if (!open) return { ok: false, detail: `no element matched ${options.selectors.openSettings} within ${timeoutMs} ms` }
      open.click()
    } else if (typeof cm.showDrawer === 'function') cm.showDrawer('osano-cm-preferences')
    const save = await appear(selectors.save)
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
    arm()
    save.click()
    return finish(`the drawer toggles for [${scenario.categories.join(', ')}] and ${selectors.save}`)
  } catch (error) {
    return { ok: false, detail: `driving Osano failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * Osano (`osano()` adapter): its dialog and preferences drawer, clicked.
 *
 * @example
 * await runDriver(pageHost(page), osanoDriver, { scenario: { kind: 'reject-all' }, options: {} })
 */
export const osanoDriver: ConsentDriver = {
  platform: 'osano',
  ready: osanoReady,
  listCategories: listOsanoCategories,
  drive: driveOsano,
  applied: () => (window as any).__consentDriverOsanoSaved === true,
  notApplied: (detail, timeoutMs) => `${detail}, but Osano saved no consent within ${timeoutMs} ms`,
}
