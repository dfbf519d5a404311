import { bannerReady, driveBanner, listBannerCategories } from './banner.driver'
import type { ConsentDriver } from './driver-types'

/**
 * IAB TCF v2 (`tcf()` adapter). `__tcfapi` has no command to set consent (the
 * IAB API is read-only for everyone but the CMP), so this driver clicks the
 * CMP's banner through `options.selectors`. Categories are the ones of your
 * `tcf({ purposes })` mapping: pass them as `options.categories`, with a
 * `selectors.category` template that finds the toggle for each.
 *
 * @example
 * await runDriver(pageHost(page), tcfDriver, { scenario: { kind: 'reject-all' }, options: { selectors: { rejectAll: '.cmp-reject-all' } } })
 */
export const tcfDriver: ConsentDriver = { platform: 'tcf', ready: bannerReady, listCategories: listBannerCategories, drive: driveBanner }
