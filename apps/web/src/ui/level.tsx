/** Escalation levels as the bureau names them: 0 提醒 blue, 1 逾期 yellow, 2 催办 orange, 3 督办 red. */
export const LEVEL_NAMES = ['提醒', '逾期', '催办', '督办'];

export function LevelBadge({ level, name }: { level: number | null | undefined; name?: string }) {
  if (level === null || level === undefined || level < 0) return null;
  return <span className={`badge level-${Math.min(level, 3)}`}>{name ?? LEVEL_NAMES[level] ?? `L${level}`}</span>;
}

/** Left colour bar of a row by its escalation level; none below level 0. */
export const levelBar = (level: number | null | undefined) => (level === null || level === undefined || level < 0 ? '' : `level-bar-${Math.min(level, 3)}`);
