/** ErrorCode: the few kinds of expected failure; route handlers map them to HTTP statuses. */
export type ErrorCode = "NOT_FOUND" | "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID_INPUT" | "CONFLICT" | "RATE_LIMITED";

export const httpStatus: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** AppError: an expected failure with a code and a message safe to show the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** isUniqueViolation: a Prisma unique-constraint error (P2002), to turn into a CONFLICT. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}
