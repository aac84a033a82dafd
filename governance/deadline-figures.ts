import { deadlineOutcome, type DeadlineOutcome, type DeadlineTask } from "./deadline-outcome.js";
import { ratio, type Ratio } from "./ratio.js";

/** How a unit kept one kind of deadline over a period (Art. 28): every count, and the in-time share. */
export interface DeadlineFigures {
  readonly total: number;
  readonly inTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly pending: number;
  readonly withdrawn: number;
  /** Answered by the due day, out of those whose due day has passed or that were answered. */
  readonly answeredInTime: Ratio;
}

export function deadlineFigures(tasks: readonly DeadlineTask[], asOf: string): DeadlineFigures {
  const counts: Record<DeadlineOutcome, number> = { IN_TIME: 0, LATE: 0, OVERDUE: 0, PENDING: 0, WITHDRAWN: 0 };
  for (const task of tasks) counts[deadlineOutcome(task, asOf)]++;
  return {
    total: tasks.length,
    inTime: counts.IN_TIME,
    late: counts.LATE,
    overdue: counts.OVERDUE,
    pending: counts.PENDING,
    withdrawn: counts.WITHDRAWN,
    // Pending tasks have not been judged yet, and withdrawn ones never will be.
    answeredInTime: ratio(counts.IN_TIME, counts.IN_TIME + counts.LATE + counts.OVERDUE),
  };
}
