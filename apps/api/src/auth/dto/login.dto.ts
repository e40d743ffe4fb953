import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
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
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token of the last login or renewal; each one works once' })
  @IsString()
  @Length(1, 256)
  refreshToken!: string;
}

export class TokenPairDto {
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' }) accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 }) expiresIn!: number;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the session ends unless renewed', example: 604800 }) refreshExpiresIn!: number;
}
