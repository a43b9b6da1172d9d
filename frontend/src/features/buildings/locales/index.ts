import { buildingsFr } from '@/features/buildings/locales/fr';
import { defineNamespace } from '@/lib/i18n-namespaces';

declare module '@/locales/resources' {
  interface Resources {
    buildings: typeof buildingsFr;
  }
}

export const buildingsTranslations = defineNamespace(
  'buildings',
  buildingsFr,
  async () => (await import('@/features/buildings/locales/en')).buildingsEn,
);
