import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { evidenceInvalid, tooLarge, type UploadPart } from '#libs/evidence';

/**
 * The request's multipart parts as the evidence service consumes them, with the plugin's limit
 * errors turned into evidence errors (stable codes instead of FST_*).
 */
export async function* uploadParts(request: FastifyRequest, maxBytes: number): AsyncIterable<UploadPart> {
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        yield { type: 'file', name: part.fieldname, fileName: part.filename, stream: part.file };
      } else if (part.valueTruncated || typeof part.value !== 'string') {
        throw evidenceInvalid([{ field: part.fieldname, problems: ['字段内容过长或格式无效'] }]);
      } else {
        yield { type: 'field', name: part.fieldname, value: part.value };
      }
    }
  } catch (e) {
    throw translate(e, maxBytes);
  }
}

function translate(error: unknown, maxBytes: number): unknown {
  switch ((error as { code?: string })?.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(maxBytes);
    case 'FST_FILES_LIMIT':
      return evidenceInvalid([{ field: 'file', problems: ['一次只能上传一个文件'] }]);
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return evidenceInvalid([{ field: 'body', problems: ['表单字段过多'] }]);
    default:
      return error;
  }
}
