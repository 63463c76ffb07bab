/**
 * How the CLI exits on an error of this class (README, CLI section): `usage` — an unknown option or
 * a bad option value — exits 2; `user` — bad file, unknown id, refused action — exits 1 with a
 * Chinese message; `internal` is a bug and exits 1 as well, printed with its stack.
 */
export type ExitClass = 'usage' | 'user' | 'internal';

export const EXIT_CODE_OF: Record<ExitClass, number> = { usage: 2, user: 1, internal: 1 };

interface ErrorKind {
  /** The HTTP status the API answers with. */
  readonly status: number;
  readonly exit: ExitClass;
}

const usage: ErrorKind = { status: 400, exit: 'usage' };
const bad: ErrorKind = { status: 400, exit: 'user' };
const unauthenticated: ErrorKind = { status: 401, exit: 'user' };
const forbidden: ErrorKind = { status: 403, exit: 'user' };
const notFound: ErrorKind = { status: 404, exit: 'user' };
const conflict: ErrorKind = { status: 409, exit: 'user' };
const internal: ErrorKind = { status: 500, exit: 'internal' };

/**
 * The one table of error codes. A code is stable for machines (tests, the web client); adding a
 * code here is the only way to throw it.
 */
export const ERROR_CODES = {
  // Command line: bad option value or missing argument.
  USAGE: usage,

  // Sessions and rights.
  UNAUTHENTICATED: unauthenticated,
  LOGIN_FAILED: unauthenticated,
  ACCOUNT_DISABLED: forbidden,
  ACCOUNT_LOCKED: { status: 423, exit: 'user' },
  CSRF: forbidden,
  FORBIDDEN: forbidden,
  PASSWORD_CHANGE_REQUIRED: forbidden,
  WEAK_PASSWORD: bad,
  WRONG_PASSWORD: bad,
  SAME_PASSWORD: bad,

  // Units and users.
  NO_UNIT: internal,
  UNIT_CYCLE: bad,
  UNIT_EXISTS: conflict,
  UNIT_NOT_FOUND: notFound,
  UNIT_NO_COURT: bad,
  UNKNOWN_UNIT: bad,
  UNKNOWN_ASSIGNEE: bad,
  USER_EXISTS: conflict,

  // Requests and uploads.
  BAD_JSON: bad,
  BAD_UPLOAD: bad,
  NO_FILE: bad,
  UPLOAD_TOO_LARGE: { status: 413, exit: 'user' },
  INVALID_PATH: bad,
  NOT_FOUND: notFound,
  DB_LOCKED: conflict,

  // Files a user gives us: spreadsheets, mappings, archives, documents.
  FILE_NOT_FOUND: bad,
  NO_SUCH_FILE: bad,
  EMPTY_FILE: bad,
  UNSUPPORTED_FILE: bad,
  NOT_A_SPREADSHEET: bad,
  CORRUPT_XLSX: bad,
  XLS_NOT_SUPPORTED: bad,
  ENCRYPTED_OR_XLS: bad,
  TOO_MANY_COLUMNS: bad,
  ROW_TOO_LONG: bad,
  FIELD_TOO_LONG: bad,
  MAPPING_FILE: bad,
  BAD_ZIP: bad,
  ZIP_BOMB: bad,
  NO_DOCUMENTS: bad,
  DOCUMENT_NOT_FOUND: notFound,
  BAD_CORRECTION: bad,

  // Import and batches.
  UNKNOWN_DATASET: bad,
  UNKNOWN_FIELD: bad,
  NOTHING_TO_IMPORT: bad,
  BATCH_NOT_FOUND: notFound,
  BATCH_NOT_COMMITTED: conflict,
  PREVIEW_CLOSED: bad,
  PREVIEW_TIMEOUT: bad,
  PREVIEW_TOO_LARGE: bad,
  PREVIEW_FAILED: internal,
  DEMO_IMPORT_FAILED: internal,

  // Models and leads: model files and fixtures are written by users, so never internal.
  MODEL_INVALID: bad,
  MODEL_ID_BUILT_IN: bad,
  MODEL_NOT_FOUND: notFound,
  MODEL_TIMEOUT: bad,
  FIXTURE_INVALID: bad,
  FIXTURE_FAILED: bad,
  LEAD_NOT_FOUND: notFound,
  BAD_STATUS: bad,
  BAD_REASON: bad,
  EMPTY_NOTE: bad,

  // Supervision cases (监督案件).
  BAD_CASE_STATE: bad,
  CASE_TRANSITION: bad,
  CASE_VERSION_CONFLICT: conflict,
  CASE_LEADS_MIXED: bad,
  LEAD_NOT_CASEABLE: conflict,
  CASE_CLOSED: conflict,
  BAD_CASE_PATTERN: bad,
  BAD_CASE_INPUT: bad,

  // Attachments and Word documents of supervision cases.
  FILE_TYPE_REFUSED: bad,
  FILE_TOO_LARGE: { status: 413, exit: 'user' },
  BAD_TEMPLATE: bad,
  RECOMMENDATION_NOT_ISSUED: conflict,
  // Recommendations (检察建议), court replies, outcomes.
  RECOMMENDATION_NOT_FOUND: notFound,
  RECOMMENDATION_STATE: conflict,
  RECOMMENDATION_VERSION_CONFLICT: conflict,
  BAD_RECOMMENDATION: bad,
  BAD_RECOMMENDATION_PATTERN: bad,
  BAD_REPLY: bad,
  BAD_OUTCOME: bad,
  BAD_AMOUNT: bad,
  // Campaigns (专项监督活动).
  BAD_CAMPAIGN: bad,
  CAMPAIGN_SCOPE: bad,
  CAMPAIGN_VERSION_CONFLICT: conflict,

  INTERNAL: internal,
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The one error type services throw. `code` is stable for machines, `message` is Chinese for
 * people; the HTTP status and the CLI exit class come from the code's row in `ERROR_CODES`.
 */
export class AppError extends Error {
  readonly status: number;
  readonly exitClass: ExitClass;

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
    this.exitClass = ERROR_CODES[code].exit;
  }
}

/** True for errors a user caused (bad file, unknown id): shown as a message, not a stack. */
export function isUserError(error: unknown): error is AppError {
  return error instanceof AppError && error.exitClass !== 'internal';
}

/** The CLI exit code for any thrown value: unknown errors are internal. */
export function exitCodeOf(error: unknown): number {
  return EXIT_CODE_OF[error instanceof AppError ? error.exitClass : 'internal'];
}
