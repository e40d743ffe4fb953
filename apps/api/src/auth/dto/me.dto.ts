import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Response shapes of GET /api/me for the OpenAPI document (the web console's types come from it).

class MeUserDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() isAdmin!: boolean;
}

class MePersonDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

class MePostDto {
  @ApiProperty() postId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['CHIEF', 'DEPUTY', 'OFFICER'] }) kind!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() acting!: boolean;
  @ApiProperty({ example: '2026-01-01' }) since!: string;
}

class MeRoleDto {
  @ApiProperty({ enum: ['officer', 'deputy', 'chief', 'admin'] }) role!: 'officer' | 'deputy' | 'chief' | 'admin';
  @ApiPropertyOptional({ description: 'absent for admin' }) unitId?: string;
  @ApiPropertyOptional() unitName?: string;
}

export class MeDto {
  @ApiProperty({ type: MeUserDto }) user!: MeUserDto;
  @ApiProperty({ type: MePersonDto, nullable: true }) person!: MePersonDto | null;
  @ApiProperty({ type: [MePostDto] }) posts!: MePostDto[];
  @ApiProperty({ type: [MeRoleDto] }) roles!: MeRoleDto[];
  @ApiProperty({ type: [Object], description: 'posts covered today as AB backup' }) covering!: unknown[];
}
