import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorFieldDetail } from '../../contract';
import { validationFailed } from '../app-exception';

/** Flattens class-validator's tree into one entry per bad field, named by its dotted path. */
export function toFieldDetails(errors: ValidationError[], parent = ''): ErrorFieldDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      constraint: constraint === 'whitelistValidation' ? 'unknownField' : constraint,
      message,
    }));
    return [...own, ...toFieldDetails(error.children ?? [], field)];
  });
}

/** Dotted path of the first string holding a NUL character, which PostgreSQL text cannot store. */
export function findNulCharacter(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'value' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = findNulCharacter(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom decorators (@CurrentPrincipal, @CurrentActor) carry what the server resolved, not client input.
    if (metadata.type === 'custom') return value;
    const field = findNulCharacter(value, metadata.type === 'param' ? metadata.data ?? '' : '');
    if (field) throw validationFailed([{ field, constraint: 'noNulCharacter', message: `${field} must not contain NUL characters` }]);
    return super.transform(value, metadata);
  }
}

/** Unknown fields are rejected, types are converted from query strings, errors name each field. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(toFieldDetails(errors)),
  });
}
