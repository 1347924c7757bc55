import type { ReactNode } from 'react';
import type { Permission } from '../../../../../shared/src/permissions';
import { NotFoundResult } from '../../../components/not-found-result';
import { useCan } from '../../../lib/use-me';

/** Renders its children only for users holding `permission` (null: any signed-in user). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | null;
  children: ReactNode;
}) {
  const can = useCan();
  return can(permission) ? children : <NotFoundResult />;
}
