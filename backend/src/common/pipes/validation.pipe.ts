import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorFieldDetail } from '../../contract';
import { validationFailed } from '../app-exception';
import { inputShapeProblem } from './input-shape';

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

class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom decorators (@CurrentPrincipal, @CurrentActor) carry what the server resolved, not client input.
    if (metadata.type === 'custom') return value;
    // Before class-transformer sees it: it recurses, and the database cannot store what this refuses.
    const problem = inputShapeProblem(value, metadata.type === 'param' ? metadata.data ?? '' : '');
    if (problem) throw validationFailed([problem]);
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
