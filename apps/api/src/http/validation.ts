import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '#libs/core';

/** Unknown fields are rejected, payloads are transformed into their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new DomainError('VALIDATION_FAILED', 'INVALID', '请求参数校验失败', { fields: flatten(errors) }),
  });
}

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Highest page number of any list (100,000 pages); beyond it offsets overflow and nothing is there. */
export const MAX_PAGE = 100_000;
