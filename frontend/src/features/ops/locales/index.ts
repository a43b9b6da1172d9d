import { opsFr } from '@/features/ops/locales/fr';
import { defineNamespace } from '@/lib/i18n-namespaces';

declare module '@/locales/resources' {
  interface Resources {
    ops: typeof opsFr;
  }
}

export const opsTranslations = defineNamespace('ops', opsFr, async () => (await import('@/features/ops/locales/en')).opsEn);
