/**
 * The slice of web-ext's programmatic API the tests call (the package ships
 * no types): `cmd.lint` runs Mozilla's addons-linter on a folder or a zip.
 */
declare module 'web-ext' {
  interface LintResult {
    summary: { errors: number; notices: number; warnings: number }
    errors: unknown[]
    notices: unknown[]
    warnings: unknown[]
  }
  const webExt: {
    cmd: {
      lint(
        options: { sourceDir: string; output?: 'json' | 'text' | 'none'; warningsAsErrors?: boolean; boring?: boolean; selfHosted?: boolean },
        run?: { shouldExitProgram?: boolean },
      ): Promise<LintResult>
    }
  }
  export default webExt
}
