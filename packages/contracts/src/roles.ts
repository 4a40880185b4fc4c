/** Roles as in DESIGN.md ("Users and roles"). A user holds only what a grant gives. */
export const ROLES = ['reporter', 'field', 'registrar', 'dpo', 'control_room', 'admin'] as const;
export type Role = (typeof ROLES)[number];
