import { SSO_PROBLEMS, type SsoProblem } from '@kenshu/domain';

/** The single sign-on problem page's URL state: `?problem=not_in_roster` and the like. */
export interface SsoProblemSearch {
  problem?: SsoProblem;
}

export function parseSsoProblemSearch(raw: Record<string, unknown>): SsoProblemSearch {
  const problem = SSO_PROBLEMS.find((p) => p === raw.problem);
  return problem === undefined ? {} : { problem };
}
