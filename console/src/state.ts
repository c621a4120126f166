// Who is signed in, shared by the screens.
export type Role = 'admin' | 'editor' | 'viewer';
export interface Operator { id: string; login: string; name: string | null; role: Role }

export const session: { me: Operator | null } = { me: null };

export function can(role: Role): boolean {
  const order: Role[] = ['viewer', 'editor', 'admin'];
  return session.me !== null && order.indexOf(session.me.role) >= order.indexOf(role);
}
