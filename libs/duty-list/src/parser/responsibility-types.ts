export type ResponsibilityTypeCode =
  | 'DECISION'
  | 'REVIEW'
  | 'PRELIMINARY_REVIEW'
  | 'REPORT'
  | 'EXECUTION'
  | 'SUPERVISION'
  | 'INTAKE'
  | 'COORDINATION'
  | 'REQUEST_REPORT'
  | 'ORGANISE_DRAFTING'
  | 'SUBMIT_FOR_APPROVAL'
  | 'ORGANISE_IMPLEMENTATION'
  | 'REVIEW_ACCEPTANCE'
  | 'SUMMARY_REPORT'
  | 'OTHER';

/** Chinese label (the `X` in `X责任：`) → stable code. Only exact labels are typed. */
export const RESPONSIBILITY_TYPES: Readonly<Record<string, ResponsibilityTypeCode>> = Object.freeze({
  决策: 'DECISION',
  审核: 'REVIEW',
  初核: 'PRELIMINARY_REVIEW',
  上报: 'REPORT',
  执行: 'EXECUTION',
  监督: 'SUPERVISION',
  受理: 'INTAKE',
  沟通协调: 'COORDINATION',
  请示报告: 'REQUEST_REPORT',
  组织编制: 'ORGANISE_DRAFTING',
  报批: 'SUBMIT_FOR_APPROVAL',
  组织实施: 'ORGANISE_IMPLEMENTATION',
  审核验收: 'REVIEW_ACCEPTANCE',
  总结报告: 'SUMMARY_REPORT',
  其他: 'OTHER',
});

export function responsibilityTypeOf(label: string): ResponsibilityTypeCode | null {
  return Object.hasOwn(RESPONSIBILITY_TYPES, label) ? RESPONSIBILITY_TYPES[label] : null;
}
