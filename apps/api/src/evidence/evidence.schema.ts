import type { ApiBody } from '@nestjs/swagger';

type SchemaObject = NonNullable<Extract<Parameters<typeof ApiBody>[0], { schema?: unknown }>['schema']>;

/** OpenAPI description of POST /api/tasks/:id/evidence, whose body is multipart or JSON by kind. */
export const EVIDENCE_BODY_SCHEMA: SchemaObject = {
  oneOf: [
    {
      type: 'object',
      description: 'multipart/form-data: a file (PDF, OFD, Word/Excel/PowerPoint, PNG/JPEG/GIF, UTF-8 text; judged by content)',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        description: { type: 'string', maxLength: 1000 },
        supersedesId: { type: 'string', format: 'uuid' },
      },
    },
    {
      type: 'object',
      required: ['kind', 'text'],
      properties: { kind: { enum: ['NOTE'] }, text: { type: 'string', maxLength: 10000 }, supersedesId: { type: 'string', format: 'uuid' } },
    },
    {
      type: 'object',
      required: ['kind', 'url'],
      properties: { kind: { enum: ['LINK'] }, url: { type: 'string', format: 'uri' }, title: { type: 'string' }, supersedesId: { type: 'string', format: 'uuid' } },
    },
    {
      type: 'object',
      required: ['kind', 'number'],
      properties: {
        kind: { enum: ['DOC_NUMBER'] },
        number: { type: 'string', example: '自然资规〔2026〕12号' },
        title: { type: 'string' },
        issuedOn: { type: 'string', format: 'date' },
        supersedesId: { type: 'string', format: 'uuid' },
      },
    },
    {
      type: 'object',
      required: ['kind', 'date', 'participants', 'conclusions'],
      properties: {
        kind: { enum: ['MINUTES'] },
        date: { type: 'string', format: 'date' },
        participants: { type: 'array', items: { type: 'string' } },
        conclusions: { type: 'string' },
        title: { type: 'string' },
        supersedesId: { type: 'string', format: 'uuid' },
      },
    },
  ],
};
