/**
 * Typed domain errors. Domain functions throw these; `httpStatusOf` maps them
 * to HTTP in one place so routes stay thin.
 */

export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id?: string) {
    super(id ? `${what} ${id} was not found` : `${what} was not found`, 'not_found');
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'You may not do this') {
    super(message, 'forbidden');
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'Please log in') {
    super(message, 'unauthenticated');
  }
}

/** Input that failed validation; `details` maps field paths to messages. */
export class InvalidInput extends DomainError {
  constructor(
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message, 'invalid_input', fields);
  }
}

/**
 * A rule of the domain (docs/domain.md) refused the action; names the rule and
 * its source. `detail` says the same as the English message for the reader's
 * language (a `ruleDetail` key of the workbench namespace and its values).
 */
export class RuleViolation extends DomainError {
  constructor(
    readonly rule: string,
    message: string,
    readonly source?: string,
    readonly detail?: { key: string; params?: Record<string, string | number> },
  ) {
    super(message, 'rule_violation', { rule, source });
  }
}

export class Conflict extends DomainError {
  constructor(message: string) {
    super(message, 'conflict');
  }
}

export function httpStatusOf(error: unknown): number {
  if (error instanceof DomainError && error.code === 'rate_limited') return 429;
  if (error instanceof Unauthenticated) return 401;
  if (error instanceof Forbidden) return 403;
  if (error instanceof NotFound) return 404;
  if (error instanceof Conflict) return 409;
  if (error instanceof InvalidInput) return 400;
  if (error instanceof RuleViolation) return 422;
  return 500;
}
