/**
 * The demo site's OneTrust configuration: OneTrust's four default cookie
 * categories ("groups"), as `OneTrust.GetDomainData().Groups` lists them.
 * C0001 is always active; the others are off until the visitor opts in.
 */

/** One group as `GetDomainData().Groups[]` returns it (the fields the demo uses). */
export interface OneTrustGroup {
  CustomGroupId: string
  GroupName: string
  GroupDescription: string
  /** `'always active'` groups cannot be switched off. */
  Status: 'always active' | 'inactive'
  SubGroups: OneTrustGroup[]
}

export const DEMO_GROUPS: readonly OneTrustGroup[] = [
  {
    CustomGroupId: 'C0001',
    GroupName: 'Strictly Necessary Cookies',
    GroupDescription: 'Needed for the shop to work: your cart and your sign-in. They cannot be switched off.',
    Status: 'always active',
    SubGroups: [],
  },
  {
    CustomGroupId: 'C0002',
    GroupName: 'Performance Cookies',
    GroupDescription: 'Count visits and see how the shop is used (Mixpanel, Amplitude), so we can improve it.',
    Status: 'inactive',
    SubGroups: [],
  },
  {
    CustomGroupId: 'C0003',
    GroupName: 'Functional Cookies',
    GroupDescription: 'Enable the support chat (Intercom) and remember your preferences.',
    Status: 'inactive',
    SubGroups: [],
  },
  {
    CustomGroupId: 'C0004',
    GroupName: 'Targeting Cookies',
    GroupDescription: 'Set by our advertising partners (Facebook, Braze) to show you relevant ads elsewhere.',
    Status: 'inactive',
    SubGroups: [],
  },
]

/** The ids of the groups that are always active. */
export const alwaysActive = (groups: readonly OneTrustGroup[]): string[] =>
  groups.filter((g) => g.Status === 'always active').map((g) => g.CustomGroupId)
