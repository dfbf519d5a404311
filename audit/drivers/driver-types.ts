/**
 * The contract between the consent audit and the drivers: a driver puts the
 * page's consent platform into a scenario the way a visitor would (the
 * platform's own "accept all" / "reject all" / "save my choices" calls, or a
 * click on its banner), so the plugin's adapter sees a real, explicit decision.
 *
 * Every `PageFunction` here is run through playwright's `page.evaluate(fn, arg)`:
 * it is sent as source text, so it must reference nothing outside its own body,
 * and its argument must be plain data (strings, numbers, arrays, objects).
 */

/** What the audit asks for. Category ids are the platform's own (OneTrust `C0002`, Cookiebot `statistics`, ...). */
export type ConsentScenario =
  | { kind: 'accept-all' }
  | { kind: 'reject-all' }
  /** Grant exactly these (plus whatever the platform forces, e.g. necessary). */
  | { kind: 'only'; categories: string[] }

/** CSS selectors of a consent banner, for platforms without a write API or to drive the real banner. */
export interface DriverSelectors {
  /** The banner's "accept all" button. */
  acceptAll?: string
  /** The banner's "reject all" (or "do not sell / share") button. */
  rejectAll?: string
  /** Opens the settings / preferences view holding the per-category toggles. */
  openSettings?: string
  /** Saves the toggles ("confirm my choices"). */
  save?: string
  /**
   * The toggle of one category. A string is a template where `{id}` is replaced
   * by the category id, e.g. `'#ot-group-id-{id}'`: use this form with
   * `page.evaluate`, which cannot carry functions. The function form only works
   * when the driver runs in the same realm (tests, a bookmarklet).
   */
  category?: string | ((id: string) => string)
}

/** How a driver finds and waits for the platform. */
export interface DriverOptions {
  /** For platforms without a write API, or to drive the real banner: CSS selectors. */
  selectors?: DriverSelectors
  /**
   * Every category id the banner offers, for banner drivers: `listCategories`
   * returns it, and an `only` scenario switches off the toggles not asked for.
   */
  categories?: string[]
  /**
   * How long to wait for the platform (or a banner element) to be ready, ms.
   * @default 10000
   */
  timeoutMs?: number
}

/** What `drive` resolves to. `detail` says what was called or clicked, or why nothing could be. */
export interface DriveResult {
  ok: boolean
  detail: string
}

/** The argument of `drive`. */
export interface DriveRequest {
  scenario: ConsentScenario
  options: DriverOptions
}

/** A self-contained function for `page.evaluate(fn, arg)`: no imports, no outer variables, no closures. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>

/** One consent platform's driver, named like the adapter it drives. */
export interface ConsentDriver {
  /** The adapter's name, e.g. `'onetrust'`. */
  platform: string
  /** Categories the platform knows, when it can tell (used to build "each category alone" scenarios). */
  listCategories: PageFunction<DriverOptions, string[]>
  /** Puts the platform into `scenario`; resolves `{ ok, detail }` - never throws into the page. */
  drive: PageFunction<DriveRequest, DriveResult>
}
