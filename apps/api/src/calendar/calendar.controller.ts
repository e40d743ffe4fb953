import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/auth';
import { CalendarService, type AddWorkdaysAnswer, type DayAnswer, type ImportYearResult } from '#libs/calendar';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AddWorkdaysQuery, SetDayBody, YearOverviewDto } from './calendar.dto.js';
import { AcceptedDatePipe } from '../http/accepted-date.js';

/**
 * Working-day calendar of the deployment's organisation (one bureau per deployment; the service
 * refuses to guess when there are several). Reading is open to any logged-in user; changes are
 * for administrators (checked by the service through the access policy).
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('days/:date')
  @ApiOperation({ summary: 'Whether a date is a working day, and why (holiday, 调休上班, weekend)' })
  async getDay(@Param('date', AcceptedDatePipe) date: string): Promise<DayAnswer> {
    const org = await this.calendar.resolveOrganisation();
    return this.calendar.describeDay(org.id, date);
  }

  @Get('add-workdays')
  @ApiOperation({ summary: 'The N-th working day after a date, with the rest days skipped on the way' })
  async addWorkdays(@Query() query: AddWorkdaysQuery): Promise<AddWorkdaysAnswer> {
    const org = await this.calendar.resolveOrganisation();
    return this.calendar.addWorkdays(org.id, query.from, query.days);
  }

  @Get('years/:year')
  @ApiOkResponse({ type: YearOverviewDto })
  @ApiOperation({ summary: "A year's holidays and 调休 make-up working days, and whether its official schedule is loaded" })
  async getYear(@Param('year', ParseIntPipe) year: number): Promise<YearOverviewDto> {
    const org = await this.calendar.resolveOrganisation();
    return this.calendar.yearOverview(org.id, year);
  }

  @Put('years/:year')
  @ApiOperation({ summary: "Admin: load a year's holiday schedule (JSON as parseScheduleJson, or text/calendar ICS)" })
  putYear(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: unknown,
  ): Promise<ImportYearResult> {
    // JSON arrives parsed, ICS as text; the service parses either from text.
    return this.calendar.importYearAs(actor, year, typeof body === 'string' ? body : JSON.stringify(body ?? null));
  }

  @Put('days/:date')
  @ApiOperation({ summary: 'Admin: manually set one day (holiday, 调休上班, or back to ordinary)' })
  putDay(@CurrentActor() actor: Actor, @Param('date', AcceptedDatePipe) date: string, @Body() body: SetDayBody): Promise<DayAnswer> {
    return this.calendar.setDayAs(actor, date, { kind: body.kind, name: body.name });
  }
}
