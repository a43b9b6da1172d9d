import { financeFr } from '@/features/finance/locales/fr';
import { defineNamespace } from '@/lib/i18n-namespaces';

declare module '@/locales/resources' {
  interface Resources {
    finance: typeof financeFr;
  }
}

export const financeTranslations = defineNamespace(
  'finance',
  financeFr,
  async () => (await import('@/features/finance/locales/en')).financeEn,
);
