import { ApiProperty } from '@nestjs/swagger';

// Response shapes of the feed-token endpoints for the OpenAPI document (the web console's types
// are generated from it). They describe what the service returns; nothing is validated against them.

export class FeedTokenDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'last fetch of the feed, to about 5 minutes' }) lastUsedAt!: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) revokedAt!: string | null;
  @ApiProperty({ description: 'not revoked' }) active!: boolean;
}

export class NewFeedTokenDto extends FeedTokenDto {
  @ApiProperty({ description: 'shown only in this answer; only its SHA-256 is stored' }) token!: string;
  @ApiProperty({ example: 'https://dt.example.cn/api/calendar/feed.ics?token=…' }) url!: string;
  @ApiProperty({ example: 'webcal://dt.example.cn/api/calendar/feed.ics?token=…', description: 'the same link for "subscribe" on phones and Outlook' }) webcalUrl!: string;
}
