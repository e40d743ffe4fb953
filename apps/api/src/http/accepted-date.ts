import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidateBy, type ValidationArguments } from 'class-validator';
import { acceptedDateMessage, acceptedDateProblem } from '#libs/calendar';
import { DomainError } from '#libs/core';

/**
 * A calendar date from outside: `YYYY-MM-DD` and a real date (the shape half of the accepted-date
 * rule; the services check the window, which depends on the calendar years loaded).
 */
export function IsAcceptedDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isAcceptedDate',
    validator: {
      validate: (value: unknown) => acceptedDateProblem(value) === null,
      defaultMessage: (args?: ValidationArguments) => acceptedDateMessage(args?.property ?? 'date', args?.value, 'NOT_A_DATE'),
    },
  });
}

/** The same check for the `:date` path parameter, e.g. `/calendar/days/:date`. */
@Injectable()
export class AcceptedDatePipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (acceptedDateProblem(value) !== null) {
      throw new DomainError('INVALID_DATE', 'INVALID', acceptedDateMessage('date', value, 'NOT_A_DATE'), { field: 'date' });
    }
    return value as string;
  }
}
