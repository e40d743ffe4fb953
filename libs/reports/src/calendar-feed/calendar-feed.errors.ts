import { DomainError, NotFoundError } from '#libs/core';

/**
 * Stable codes of the deadline feed:
 * FEED_TOKEN_UNKNOWN (404): no such feed link (also a malformed or missing token);
 * FEED_TOKEN_REVOKED (401): the link was revoked, or its owner's account is disabled — make a new one;
 * FEED_TOKEN_NOT_FOUND (404): no such token id among those the caller may manage;
 * FEED_TOKEN_NO_PERSON (422): the account is not a person's, so it has no tasks to subscribe to.
 */
export const feedTokenUnknown = () => new NotFoundError('FEED_TOKEN_UNKNOWN', '日历订阅链接无效');

export const feedTokenRevoked = () => new DomainError('FEED_TOKEN_REVOKED', 'UNAUTHENTICATED', '日历订阅链接已撤销，请重新生成');

export const feedTokenNotFound = (id: string) => new NotFoundError('FEED_TOKEN_NOT_FOUND', '日历订阅链接不存在', { id });

export const feedTokenNoPerson = () => new DomainError('FEED_TOKEN_NO_PERSON', 'UNPROCESSABLE', '当前账号未关联人员，无法订阅任务日历');
