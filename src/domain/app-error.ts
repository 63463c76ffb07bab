/**
 * The one error type services throw. `code` is stable for machines, `message` is Chinese for people,
 * `status` is the HTTP status the API answers with; the CLI maps 4xx to exit 1.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** True for errors a user caused (bad file, unknown id): shown as a message, not a stack. */
export function isUserError(error: unknown): error is AppError {
  return error instanceof AppError && error.status < 500;
}
