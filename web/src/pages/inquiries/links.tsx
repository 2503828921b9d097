// In-console links that move with the router but still open in a new tab on a modified click.
import type { ReactNode } from 'react';
import { navigate } from '../../shell/router.js';

export function ConsoleLink({
  path,
  params,
  children,
  className,
}: {
  path: string;
  params?: URLSearchParams;
  children: ReactNode;
  className?: string;
}) {
  const search = params && params.toString() ? `?${params.toString()}` : '';
  return (
    <a
      href={`${path}${search}`}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(path, params);
      }}
    >
      {children}
    </a>
  );
}
