import { SolveDeadlineError } from './deadline';

interface Turn {
  run: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Allocation calls of one process, one at a time, each from its snapshot through its solve to its
 * booking: the solver thread takes one instance at a time anyway, and a call that read what is free
 * after the previous one booked does not have to solve again. Nothing is held in the database
 * meanwhile, so every other call of the subgraph goes on. A call still waiting at its deadline
 * leaves the line with a SolveDeadlineError. (Calls in other processes are caught by the check
 * before booking.)
 */
export class AllocationLane {
  private busy = false;
  private readonly waiting: Turn[] = [];

  run<T>(deadline: number, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const go = () => {
        this.busy = true;
        task()
          .then(resolve, reject)
          .finally(() => this.next());
      };
      if (!this.busy) return go();
      const turn: Turn = {
        run: go,
        timer: setTimeout(
          () => {
            this.waiting.splice(this.waiting.indexOf(turn), 1);
            reject(new SolveDeadlineError('The allocation waited for the solver until its deadline'));
          },
          Math.max(0, deadline - Date.now()),
        ),
      };
      this.waiting.push(turn);
    });
  }

  private next(): void {
    const turn = this.waiting.shift();
    if (!turn) {
      this.busy = false;
      return;
    }
    clearTimeout(turn.timer);
    turn.run();
  }
}
