/**
 * The few globals shared/ may use: those every JavaScript runtime it runs in
 * has (browsers, extension workers, Node), declared here because shared/ is
 * typechecked without the DOM and Node libraries. Anything else a browser or
 * Node offers stays out of shared/.
 */
declare global {
  class URL {
    constructor(url: string, base?: string)
    readonly hostname: string
    readonly origin: string
    readonly password: string
    readonly pathname: string
    readonly port: string
    readonly protocol: string
    readonly username: string
  }
}

export {}
