import type { consoleFr } from '@/locales/console/fr';
import type { fr } from '@/locales/fr';

/**
 * Every translation namespace, by its French texts (the reference). `translation` ships with the
 * first load; the others load with the lazy parts that use them (src/lib/i18n-namespaces.ts).
 * A feature adds its own namespace beside its code by augmenting this interface:
 * `declare module '@/locales/resources' { interface Resources { tickets: typeof ticketsFr } }`.
 */
export interface Resources {
  translation: typeof fr;
  console: typeof consoleFr;
}
