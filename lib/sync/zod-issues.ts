/** Turns zod validation issues into one line that names the offending fields. */

/** The part of a zod error (classic or mini) read here. */
interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

const MAX_ISSUES = 3;

export function describeIssues(error: IssueList): string {
  const parts = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - MAX_ISSUES;
  return parts.join("; ") + (more > 0 ? `; and ${more} more` : "");
}
