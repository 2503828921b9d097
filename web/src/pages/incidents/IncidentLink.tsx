// A link to an incident (or an alert) that the router follows in place, and a new tab opens as usual.
import type { ReactNode } from 'react';
import { navigate } from '../../shell/router.js';

export function RouteLink({
  href,
  children,
  className,
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <a
      href={href}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        const url = new URL(href, window.location.origin);
        navigate(url.pathname, url.searchParams);
      }}
    >
      {children}
    </a>
  );
}

export function incidentHref(id: string, tab?: string): string {
  return `/incidents/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ''}`;
}

export function IncidentLink({ id, tab, children }: { id: string; tab?: string; children: ReactNode }) {
  return <RouteLink href={incidentHref(id, tab)}>{children}</RouteLink>;
}
