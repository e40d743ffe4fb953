import { generateOpenTasks, generateOrganisation, type Sql } from '../lib/index.js';

/**
 * `emails` PENDING e-mail outbox rows, one per open task, addressed to the tasks' assignees (the
 * holders of `units` × 8 officer posts, each with an address), with the payload the escalation
 * sweep writes for a 催办. They become due at `availableAt`.
 */
export async function generateDeliveryData(sql: Sql, shape: { emails: number; units: number; now: Date; availableAt: Date }): Promise<{ orgId: string }> {
  const { orgId } = await generateOrganisation(sql, { units: shape.units, officersPerUnit: 8 });
  // Due later: nothing here is overdue, so no sweep would add rows of its own.
  await generateOpenTasks(sql, orgId, { tasks: shape.emails, due: 0, now: shape.now, history: false });
  await sql.query(
    `INSERT INTO outbox (channel, recipient_person_id, task_id, payload, status, available_at, created_at)
     SELECT 'EMAIL', t.assignee_person_id, t.id,
            jsonb_build_object('kind', 'ESCALATION', 'level', 2, 'levelName', '催办', 'colour', 'orange',
                               'taskId', t.id, 'taskTitle', t.title, 'postName', p.name, 'unitName', u.name,
                               'assigneeName', pe.name, 'dueDate', to_char(t.due_date, 'YYYY-MM-DD'), 'overdueWorkdays', 1,
                               'link', 'http://localhost:3000/tasks/' || t.id),
            'PENDING', $1, $1::timestamptz - interval '1 minute'
       FROM task t JOIN post p ON p.id = t.post_id JOIN unit u ON u.id = t.unit_id JOIN person pe ON pe.id = t.assignee_person_id`,
    [shape.availableAt],
  );
  return { orgId };
}
