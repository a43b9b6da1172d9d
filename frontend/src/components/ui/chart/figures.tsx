import './figures.css';

import type { ReactNode } from 'react';

/**
 * A table of figures that scrolls within itself when wider than a phone, never the page: the
 * region can take the focus, so a keyboard user scrolls it too.
 */
export function Figures({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="figures" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
