import { shanghaiDay } from "./deadlines.js";

/**
 * Where a task with a deadline stood at the end of a day: answered by its due day, answered
 * after it, still unanswered past it, not yet due, or closed without an answer (a withdrawn
 * application owes none). Applications (Art. 21), data issues (Art. 7(4)) and catalog updates
 * (Art. 12) are all judged this way.
 */
export type DeadlineOutcome = "IN_TIME" | "LATE" | "OVERDUE" | "PENDING" | "WITHDRAWN";

export interface DeadlineTask {
  /** The last day to answer (Asia/Shanghai). */
  readonly dueBy: string;
  /** When it was answered (an instant), or null. */
  readonly answeredAt: string | null;
  /** When it was closed without an answer, or null. */
  readonly withdrawnAt: string | null;
}

/** The outcome as of the end of `asOf` (a day): what happened after it does not count yet. */
export function deadlineOutcome(task: DeadlineTask, asOf: string): DeadlineOutcome {
  const answered = dayOf(task.answeredAt);
  if (answered !== null && answered <= asOf) return answered <= task.dueBy ? "IN_TIME" : "LATE";
  const withdrawn = dayOf(task.withdrawnAt);
  if (withdrawn !== null && withdrawn <= asOf) return "WITHDRAWN";
  return asOf > task.dueBy ? "OVERDUE" : "PENDING";
}

/** Still unanswered on `today` and past its due day: listed as overdue. */
export function isPastDue(task: DeadlineTask, today: string): boolean {
  return deadlineOutcome(task, today) === "OVERDUE";
}

function dayOf(instant: string | null): string | null {
  return instant === null ? null : shanghaiDay(new Date(instant));
}
