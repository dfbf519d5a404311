import { bannerReady, driveBanner, listBannerCategories } from './banner.driver'
import type { ConsentDriver } from './driver-types'

/**
 * IAB GPP (`gpp()` adapter). `__gpp` is read-only for everyone but the CMP,
 * so this driver clicks the CMP's banner through `options.selectors`: for US
 * sections `rejectAll` is the "Do not sell or share my personal information"
 * button, `acceptAll` the one that keeps the defaults.
 *
 * @example
 * await runDriver(pageHost(page), gppDriver, { scenario: { kind: 'reject-all' }, options: { selectors: { rejectAll: '#do-not-sell' } } })
 */
export const gppDriver: ConsentDriver = { platform: 'gpp', ready: bannerReady, listCategories: listBannerCategories, drive: driveBanner }
