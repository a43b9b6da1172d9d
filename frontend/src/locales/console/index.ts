import { consoleFr } from '@/locales/console/fr';
import { defineNamespace } from '@/lib/i18n-namespaces';

export const consoleTranslations = defineNamespace(
  'console',
  consoleFr,
  async () => (await import('@/locales/console/en')).consoleEn,
);
