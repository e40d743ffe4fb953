import { DomainError, NotFoundError } from '#libs/core';

export const OrgErrorCode = {
  UNIT_NOT_FOUND: 'UNIT_NOT_FOUND',
  UNIT_AMBIGUOUS: 'UNIT_AMBIGUOUS',
  POST_NOT_FOUND: 'POST_NOT_FOUND',
} as const;

export class UnitNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(OrgErrorCode.UNIT_NOT_FOUND, '内设机构不存在', { id });
  }
}

export class UnitAmbiguousError extends DomainError {
  constructor(name: string, organisations: string[]) {
    super(OrgErrorCode.UNIT_AMBIGUOUS, 'INVALID', `多个单位都有内设机构“${name}”，请用 --organisation 指定单位编码或改用内设机构编号`, {
      name,
      organisations,
    });
  }
}

export class PostNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(OrgErrorCode.POST_NOT_FOUND, '岗位不存在', { id });
  }
}

/** A post looked up by its code inside a unit (admin commands), not by id. */
export class PostCodeNotFoundError extends NotFoundError {
  constructor(unitName: string, code: string) {
    super(OrgErrorCode.POST_NOT_FOUND, `内设机构“${unitName}”中没有在用的岗位“${code}”`, { unit: unitName, code });
  }
}
