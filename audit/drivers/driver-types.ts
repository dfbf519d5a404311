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
   * How long to wait for the platform (or a banner element) to be ready, ms:
   * the runner's wait for `ready`, again for `applied`, and the bound of any
   * answer `drive` awaits from the platform.
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

/**
 * A self-contained test for `page.waitForFunction(fn, arg)`: truthy means yes.
 * Synchronous on purpose: playwright counts a returned promise as truthy, so
 * an async predicate would pass at once.
 */
export type PagePredicate<A> = (arg: A) => unknown

/**
 * One consent platform's driver, named like the adapter it drives.
 *
 * The waiting happens outside the page (run-driver.ts, through playwright's
 * `page.waitForFunction`): the runner waits for `ready`, then calls
 * `listCategories` or `drive` once, then waits for `applied`. `drive` and
 * `listCategories` therefore act on what is there right now and never poll;
 * when the platform is still missing they say so (`drive` with the same
 * "... within `timeoutMs` ms" detail the runner's wait stood for).
 */
export interface ConsentDriver {
  /** The adapter's name, e.g. `'onetrust'`. */
  platform: string
  /**
   * The platform can be driven: its API is there (or, for a banner, the
   * first element the scenario clicks). The runner waits up to
   * `options.timeoutMs` for it before `listCategories` and `drive`, and runs
   * them even when it never came, so they report the absence themselves.
   */
  ready: PagePredicate<DriveRequest>
  /** Categories the platform knows, when it can tell (used to build "each category alone" scenarios). */
  listCategories: PageFunction<DriverOptions, string[]>
  /** Puts the platform into `scenario` in one attempt; resolves `{ ok, detail }` - never throws into the page. */
  drive: PageFunction<DriveRequest, DriveResult>
  /**
   * For platforms that record a choice a moment after the call: true once
   * the platform reports it. After a successful `drive`, the runner waits up
   * to `options.timeoutMs` for it; absent means `drive`'s answer is final.
   */
  applied?: PagePredicate<DriveRequest>
  /**
   * The detail when `applied` never came true, from `drive`'s detail (what
   * was called or clicked). Runs in Node, not in the page.
   */
  notApplied?: (detail: string, timeoutMs: number) => string
}
