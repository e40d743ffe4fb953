import { NotFoundError } from '#libs/core';

export const OrgErrorCode = {
  UNIT_NOT_FOUND: 'UNIT_NOT_FOUND',
  POST_NOT_FOUND: 'POST_NOT_FOUND',
} as const;

export class UnitNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(OrgErrorCode.UNIT_NOT_FOUND, '内设机构不存在', { id });
  }
}

export class PostNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(OrgErrorCode.POST_NOT_FOUND, '岗位不存在', { id });
  }
}
