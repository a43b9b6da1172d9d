import type { ReactElement } from 'react';

import type { EquipmentStatus } from '@/types/equipment-status';

type StatusIconProps = { status: EquipmentStatus; className?: string };

/**
 * One distinct shape per status, so the status never relies on colour alone:
 * check in a circle, wrench in a square, exclamation in a triangle, half-filled circle,
 * cross in an octagon.
 */
export function StatusIcon({ status, className }: StatusIconProps) {
  return (
    <svg
      className={['status-icon', className].filter(Boolean).join(' ')}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      data-shape={SHAPES[status]}
    >
      {GLYPHS[status]}
    </svg>
  );
}

const SHAPES: Record<EquipmentStatus, string> = {
  operational: 'check-circle',
  maintenance: 'wrench-square',
  degraded: 'warning-triangle',
  partial_outage: 'half-circle',
  major_outage: 'cross-octagon',
};

const GLYPHS: Record<EquipmentStatus, ReactElement> = {
  operational: (
    <>
      <circle cx="12" cy="12" r="10.5" fill="currentColor" />
      <path className="status-icon__inner" d="M7 12.4l3.3 3.3L17.2 8.6" />
    </>
  ),
  maintenance: (
    <>
      <rect x="1.5" y="1.5" width="21" height="21" rx="5" fill="currentColor" />
      <path
        className="status-icon__inner"
        d="M14.2 7.3a.9.9 0 0 0 0 1.3l1.2 1.2a.9.9 0 0 0 1.3 0l2.1-2.1a4.2 4.2 0 0 1-5.6 5.6l-4.4 4.4a1.5 1.5 0 0 1-2.1-2.1l4.4-4.4a4.2 4.2 0 0 1 5.6-5.6z"
      />
    </>
  ),
  degraded: (
    <>
      <path
        d="M10.3 3.1a2 2 0 0 1 3.4 0l8.6 15a2 2 0 0 1-1.7 3H3.4a2 2 0 0 1-1.7-3z"
        fill="currentColor"
      />
      <path className="status-icon__inner" d="M12 8.6v5.2" />
      <circle className="status-icon__dot" cx="12" cy="17.3" r="1.3" />
    </>
  ),
  partial_outage: (
    <>
      <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
      <path d="M12 4.6a7.4 7.4 0 0 0 0 14.8z" fill="currentColor" />
    </>
  ),
  major_outage: (
    <>
      <path d="M7.6 1.5h8.8l6.1 6.1v8.8l-6.1 6.1H7.6l-6.1-6.1V7.6z" fill="currentColor" />
      <path className="status-icon__inner" d="M8.4 8.4l7.2 7.2M15.6 8.4l-7.2 7.2" />
    </>
  ),
};
