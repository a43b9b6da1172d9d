import { createContext, useContext } from 'react';

import type { ConsoleRole } from '@/app/routes/console/access';
import type { Condo } from '@/features/condos/types';

/** The condo a console page is about, and what the caller may do there. */
export type ConsoleCondo = {
  condo: Condo;
  role: ConsoleRole;
  /** Managers act; everyone else who opens the console only reads. */
  canManage: boolean;
};

export const ConsoleCondoContext = createContext<ConsoleCondo | null>(null);

export function useConsoleCondo(): ConsoleCondo {
  const found = useContext(ConsoleCondoContext);
  if (!found) throw new Error('useConsoleCondo must be used inside the console layout');
  return found;
}
