import { ApiProperty } from '@nestjs/swagger';

// Response shape of the evidence list for the OpenAPI document (the web console's types are generated from it).

const str = { type: String, nullable: true } as const;

export class EvidenceDto {
  @ApiProperty() id!: string;
  @ApiProperty() taskId!: string;
  @ApiProperty({ enum: ['FILE', 'NOTE', 'LINK', 'DOC_NUMBER', 'MINUTES'] }) kind!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'by kind: { text } | { url, title? } | { number, title?, issuedOn? } | { date, participants, conclusions, title? } | { description? }',
  })
  content!: Record<string, unknown>;
  @ApiProperty(str) fileName!: string | null;
  @ApiProperty(str) mimeType!: string | null;
  @ApiProperty({ type: Number, nullable: true }) size!: number | null;
  @ApiProperty(str) sha256!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty(str) actingForPostId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty(str) supersedesId!: string | null;
  @ApiProperty(str) supersededById!: string | null;
  @ApiProperty({ description: 'not superseded: the version that counts' }) current!: boolean;
}
