export interface BundleSize {
  minified: number
  gzip: number
}
export function measureBundle(name: string, code: string): Promise<BundleSize & { chunks: number; initial: BundleSize }>
export const CORE_ENTRY: string
export const CONSENT_TOOLS_ENTRY: string
export function adapterEntry(name: string): string
