import { ValidationError, ValidationPipe } from '@nestjs/common';
import { SthenoError } from '../errors/stheno-error';

const TYPE_CONSTRAINTS: Record<string, string> = {
  isString: 'string',
  isNumber: 'number',
  isInt: 'integer',
  isBoolean: 'boolean',
  isObject: 'object',
  isArray: 'array',
  isDate: 'date',
  isDateString: 'date',
  isISO8601: 'date',
};

const MAX_ISSUES = 3;

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return JSON.stringify(value).slice(0, 60);
  return String(value).slice(0, 60);
}

interface Issues {
  unknown: string[];
  other: string[];
}

function collect(errors: ValidationError[], parentPath: string, issues: Issues): void {
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    if (constraints.whitelistValidation) {
      issues.unknown.push(path);
    } else {
      const typeConstraint = Object.keys(constraints).find((name) => TYPE_CONSTRAINTS[name]);
      if (typeConstraint && error.value !== undefined) {
        issues.other.push(
          `Expected type: '${TYPE_CONSTRAINTS[typeConstraint]}' for field '${path}', got: '${describeValue(error.value)}'`,
        );
      } else {
        // class-validator messages name the property; prefix nested ones with their parent path
        for (const message of Object.values(constraints)) {
          issues.other.push(parentPath ? `${parentPath}.${message}` : message);
        }
      }
    }
    if (error.children?.length) collect(error.children, path, issues);
  }
}

/** Turns class-validator failures into one readable `invalid_data` message, as Medusa does. */
export function validationErrorToSthenoError(errors: ValidationError[]): SthenoError {
  const issues: Issues = { unknown: [], other: [] };
  collect(errors, '', issues);
  const parts: string[] = [];
  if (issues.unknown.length) parts.push(`Unrecognized fields: ${issues.unknown.map((f) => `'${f}'`).join(', ')}`);
  parts.push(...issues.other);
  return SthenoError.invalidData(`Invalid request: ${parts.slice(0, MAX_ISSUES).join('; ')}`);
}

/** The global pipe: whitelisting, rejecting unknown fields, transforming to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => validationErrorToSthenoError(errors),
  });
}
