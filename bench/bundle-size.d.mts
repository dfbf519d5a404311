export interface BundleSize {
  minified: number
  gzip: number
}
/** One on-demand chunk: named after its first source module (e.g. `event-hold`), its size alone. */
export interface OnDemandChunk extends BundleSize {
  name: string
}
export function measureBundle(name: string, code: string): Promise<BundleSize & { chunks: number; initial: BundleSize; onDemand: OnDemandChunk[] }>
export const CORE_ENTRY: string
export const CONSENT_TOOLS_ENTRY: string
export function adapterEntry(name: string): string
