/**
 * `node demo/start.mjs` as a child process, the way a user runs `npm start`:
 * resolves once the demo printed its URLs; `stop()` sends SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))

/** A running `node demo/start.mjs`. */
export interface DemoProcess {
  url: string
  port: number
  child: ChildProcess
  output: () => string
  /** Sends SIGTERM (what Ctrl-C's SIGINT also does) and resolves with the exit code. */
  stop(): Promise<number | null>
}

/** The environment of the child: not a test run's NODE_ENV/VITEST, which would change what the builds produce. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key]
  return env
}

export async function startDemo(args: string[]): Promise<DemoProcess> {
  const child = spawn(process.execPath, ['demo/start.mjs', ...args], { cwd: REPO, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /Shop:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)
      if (match && output.includes('Sink view:')) resolve(match[1])
    }
    child.stdout!.on('data', check)
    void exited.then((code) => reject(new Error(`demo/start.mjs exited (${code}) before serving:\n${output}`)))
  })
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => output,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    },
  }
}

