/** Thrown by `consentGuard()` for bad options; the message names the option. */
export class ConsentGuardConfigError extends Error {
  readonly option: string
  constructor(option: string, problem: string, received?: unknown) {
    super(`[consent-guard] option \`${option}\` ${problem}${received === undefined ? '' : ` (received: ${describe(received)})`}`)
    this.name = 'ConsentGuardConfigError'
    this.option = option
  }
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function'
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  return String(value)
}
