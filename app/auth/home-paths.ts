/** Each role's start page. Shared with the browser (the header links to it), so not a .server module. */
import type { Role } from '../../db/schema.js';

const HOME_PATHS: Record<Role, string> = {
  employer: '/employer',
  consultant: '/consultant',
  candidate: '/candidate',
  admin: '/admin',
};

/** The start page of each role. */
export function homePathFor(role: Role): string {
  return HOME_PATHS[role];
}
