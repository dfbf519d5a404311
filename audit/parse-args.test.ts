import { describe, expect, it } from 'vitest'
import { parseArgs } from './parse-args'
import { AuditUsageError } from './usage-error'

const audit = (...args: string[]) => {
  const parsed = parseArgs(['audit', ...args])
  if (parsed.kind !== 'audit') throw new Error(`not an audit: ${parsed.kind}`)
  return parsed.flags
}

describe(parseArgs, () => {
  it('reads the URL and every flag, in both --flag value and --flag=value forms', () => {
    expect(
      audit('https://shop.example/', '--scenarios=reject-all,only:C0002+C0003', '--platform', 'onetrust', '--steps', 's.json', '--config=c.json', '--selectors', 'b.json',
        '--categories', 'C0002, C0003', '--json', '--html', 'r.html', '--allow-hosts', '127.0.0.1,localhost', '--timeout', '5000', '--quiet', '500', '--settle', '4000',
        '--consent-model', 'opt-out', '--necessary', 'C0001', '--gpc-deny', 'C0004', '--chrome', '/bin/chrome', '--no-extension', '--headed'),
    ).toEqual({
      url: 'https://shop.example/',
      scenarios: [{ kind: 'reject-all' }, { kind: 'only', categories: ['C0002', 'C0003'] }],
      platform: 'onetrust', stepsFile: 's.json', configFile: 'c.json', selectorsFile: 'b.json', categories: ['C0002', 'C0003'],
      json: true, html: 'r.html', allowHosts: ['127.0.0.1', 'localhost'], timeoutMs: 5000, quietMs: 500, settleMs: 4000,
      consentModel: 'opt-out', necessary: ['C0001'], gpcDeny: ['C0004'], chromePath: '/bin/chrome', extension: false, headed: true,
    })
  })

  it('reads the observation window and the unjudged policy', () => {
    expect(audit('http://x/', '--observe', '4500', '--allow-unjudged')).toEqual({ url: 'http://x/', observeMs: 4500, allowUnjudged: true, json: false, headed: false })
    expect(() => audit('http://x/', '--observe', '3s')).toThrow(/--observe: expected a whole number/)
  })

  it('leaves absent flags out, so the config file can fill them', () => {
    expect(audit('http://127.0.0.1:8080/shop')).toEqual({ url: 'http://127.0.0.1:8080/shop', json: false, headed: false })
  })

  it('answers help and version', () => {
    for (const argv of [[], ['--help'], ['help'], ['audit', '-h'], ['audit', 'http://x/', '--help']]) expect(parseArgs(argv)).toEqual({ kind: 'help' })
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' })
  })

  it.each([
    [['scan', 'http://x/'], /unknown command "scan"/],
    [['audit'], /needs the URL/],
    [['audit', 'http://a/', 'http://b/'], /one URL, got 2/],
    [['audit', 'shop.example'], /not an absolute URL/],
    [['audit', 'ftp://shop.example/'], /cannot audit a ftp: URL/],
    [['audit', 'http://x/', '--bogus'], /unknown option --bogus/],
    [['audit', 'http://x/', '--steps'], /--steps needs a value/],
    [['audit', 'http://x/', '--steps', '--json'], /--steps needs a value/],
    [['audit', 'http://x/', '--json=yes'], /--json takes no value/],
    [['audit', 'http://x/', '--timeout', '5s'], /--timeout: expected a whole number/],
    [['audit', 'http://x/', '--platform', 'a', '--platform', 'b'], /given twice/],
    [['audit', 'http://x/', '--consent-model', 'maybe'], /opt-in or opt-out/],
    [['audit', 'http://x/', '--scenarios', 'accept-all,sometimes'], /unknown scenario "sometimes"/],
    [['audit', 'http://x/', '--scenarios', 'only:'], /names no category/],
    [['audit', 'http://x/', '--extension', 'dist', '--no-extension'], /contradict/],
  ])('refuses %j with a message for the user', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(AuditUsageError)
    expect(() => parseArgs(argv)).toThrow(message)
  })
})
