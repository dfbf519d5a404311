/**
 * A mistake in how the audit was called (an unknown flag, a bad steps file,
 * a page that cannot be loaded): the CLI prints the message and exits with 2,
 * never with a stack trace.
 */
export class AuditUsageError extends Error {
  override name = 'AuditUsageError'
}
