import { statisticsFr } from '@/features/statistics/locales/fr';
import { defineNamespace } from '@/lib/i18n-namespaces';

declare module '@/locales/resources' {
  interface Resources {
    statistics: typeof statisticsFr;
  }
}

export const statisticsTranslations = defineNamespace(
  'statistics',
  statisticsFr,
  async () => (await import('@/features/statistics/locales/en')).statisticsEn,
);
