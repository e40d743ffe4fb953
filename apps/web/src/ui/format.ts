const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant as Beijing time (the bureau's), whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

export const STATUS_NAMES: Record<string, string> = {
  ISSUED: '待签收',
  ACCEPTED: '已签收',
  IN_PROGRESS: '办理中',
  SUBMITTED: '待审核',
  REVIEWED: '待终审',
  DONE: '已办结',
  CANCELLED: '已取消',
};

export const statusName = (status: string) => STATUS_NAMES[status] ?? status;
