import { ticketsFr } from '@/features/tickets/locales/fr';
import { defineNamespace } from '@/lib/i18n-namespaces';

declare module '@/locales/resources' {
  interface Resources {
    tickets: typeof ticketsFr;
  }
}

export const ticketsTranslations = defineNamespace(
  'tickets',
  ticketsFr,
  async () => (await import('@/features/tickets/locales/en')).ticketsEn,
);
