/** A backup or restore refused for a reason a person can act on; the CLI prints it and exits 1. */
export class BackupError extends Error {
  override name = 'BackupError';
}
