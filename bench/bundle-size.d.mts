export function measureBundle(name: string, code: string): Promise<{ minified: number; gzip: number }>
export const CORE_ENTRY: string
export const CONSENT_TOOLS_ENTRY: string
export function adapterEntry(name: string): string
