import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsAcceptedDate } from '../http/accepted-date.js';

// About ten years of working days either way: far beyond any real deadline, small enough to bound the walk.
const MAX_WORKDAYS = 2500;

export class AddWorkdaysQuery {
  @ApiProperty({ example: '2026-09-30' })
  @IsString()
  @IsAcceptedDate()
  from!: string;

  @ApiProperty({ example: 3, description: 'working days to add; negative counts backwards' })
  @Type(() => Number)
  @IsInt()
  @Min(-MAX_WORKDAYS)
  @Max(MAX_WORKDAYS)
  days!: number;
}

export class SetDayBody {
  @ApiProperty({ enum: ['HOLIDAY', 'MAKEUP_WORKDAY', 'WORKDAY', 'WEEKEND'] })
  @IsIn(['HOLIDAY', 'MAKEUP_WORKDAY', 'WORKDAY', 'WEEKEND'])
  kind!: 'HOLIDAY' | 'MAKEUP_WORKDAY' | 'WORKDAY' | 'WEEKEND';

  @ApiPropertyOptional({ example: '国庆节' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;
}

export class CalendarYearDayDto {
  @ApiProperty({ example: '2026-10-01' }) date!: string;
  @ApiProperty({ enum: ['HOLIDAY', 'MAKEUP_WORKDAY'] }) kind!: 'HOLIDAY' | 'MAKEUP_WORKDAY';
  @ApiProperty({ example: '国庆节' }) name!: string;
}

export class YearOverviewDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ description: 'false: no official schedule loaded; the year is counted Mon–Fri and marked provisional' }) loaded!: boolean;
  @ApiProperty({ type: [Number] }) loadedYears!: number[];
  @ApiProperty({ type: [CalendarYearDayDto], description: 'holidays and 调休 make-up working days of the year, ascending' }) days!: CalendarYearDayDto[];
}
