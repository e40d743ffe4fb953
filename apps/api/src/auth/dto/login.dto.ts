import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { LOGIN_PASSWORD_MAX_LENGTH } from '#libs/auth';

export class LoginDto {
  @ApiProperty({ example: 'officer1' })
  @IsString()
  @Length(1, 256)
  username!: string;

  @ApiProperty({ example: 'demo1234', format: 'password' })
  @IsString()
  @Length(1, LOGIN_PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiPropertyOptional({
    enum: ['cookie', 'body'],
    description:
      'Where the refresh token goes: `cookie` (the default: HttpOnly, for browsers; not in the answer) or `body` (`refreshToken` in the answer, for other clients, which then renew with it in the body)',
  })
  @IsOptional()
  @IsIn(['cookie', 'body'])
  refreshTokenDelivery?: 'cookie' | 'body';
}

export class RefreshDto {
  @ApiPropertyOptional({
    description: 'The refresh token of the last login or renewal (clients that asked for it in the body); without it the refresh cookie is used. Each one works once',
  })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  refreshToken?: string;
}

export class TokenPairDto {
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' }) accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 }) expiresIn!: number;
  @ApiPropertyOptional({ description: 'Only for a refresh token delivered in the body (see LoginDto.refreshTokenDelivery); browsers get it as an HttpOnly cookie' })
  refreshToken?: string;
  @ApiProperty({ description: 'Seconds until the session ends unless renewed (never past its absolute end, AUTH_SESSION_MAX_SECONDS after login)', example: 43200 })
  refreshExpiresIn!: number;
}
