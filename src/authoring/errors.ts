/** Input the author must correct (unknown code, unit, missing flags): the command exits with 2. */
export class AuthoringError extends Error {}

/** The file or document exists: nothing was written, the command exits with 1. */
export class ExistsError extends Error {}
