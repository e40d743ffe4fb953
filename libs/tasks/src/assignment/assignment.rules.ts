export interface Routing {
  assigneePersonId: string | null;
  /** The absent holder the assignee covers for (AB角), or null. */
  actingForPersonId: string | null;
}

export interface PostStaffing {
  /** Who holds the post on the day (an acting holder takes precedence), or null when vacant. */
  holder: string | null;
  /** Who holds the AB backup post on the day, or null. */
  backupHolder: string | null;
}

/**
 * Who works a post's task on a day: its holder; while the holder is away, the holder of the AB
 * backup post, acting for them; a vacant post goes to the backup holder. With nobody available
 * the task stays with the absent holder rather than with no one.
 */
export function routeTask(staffing: PostStaffing, absent: ReadonlySet<string>): Routing {
  const { holder, backupHolder } = staffing;
  const backupAvailable = backupHolder !== null && !absent.has(backupHolder) && backupHolder !== holder;
  if (holder === null) return { assigneePersonId: backupAvailable ? backupHolder : null, actingForPersonId: null };
  if (!absent.has(holder) || !backupAvailable) return { assigneePersonId: holder, actingForPersonId: null };
  return { assigneePersonId: backupHolder, actingForPersonId: holder };
}
