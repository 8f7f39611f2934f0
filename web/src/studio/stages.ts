/** The stage an order is at: the first not done or skipped (what its card and its actions are about). */
export const currentStage = <S extends { status: string }>(stages: readonly S[]): S | undefined =>
  stages.find((stage) => stage.status !== 'DONE' && stage.status !== 'CANCELLED');
