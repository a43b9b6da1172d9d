import { beforeLanguageSwitch, currentLanguage, i18n, type Language } from '@/lib/i18n';
import type { Translations } from '@/locales/fr';
import type { Resources } from '@/locales/resources';

/**
 * The texts of one lazily loaded part: French bundled with its code (it is also every other
 * language's fallback), English fetched the first time someone reads that part in English.
 */
export type Namespace = {
  name: keyof Resources;
  fr: object;
  en: () => Promise<object>;
};

export function defineNamespace<Name extends Exclude<keyof Resources, 'translation'>>(
  name: Name,
  fr: Resources[Name],
  en: () => Promise<Translations<Resources[Name]>>,
): Namespace {
  return { name, fr, en };
}

const registered = new Map<string, Namespace>();

async function addBundle(namespace: Namespace, language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, namespace.name)) return;
  const bundle = language === 'fr' ? namespace.fr : await namespace.en();
  i18n.addResourceBundle(language, namespace.name, bundle);
}

beforeLanguageSwitch(async (language) => {
  await Promise.all([...registered.values()].map((namespace) => addBundle(namespace, language)));
});

/** Readies the namespaces in the current language before the pages that use them render, and
 * keeps them following the language switch from then on. */
export async function loadNamespaces(namespaces: readonly Namespace[]): Promise<void> {
  await Promise.all(
    namespaces.map(async (namespace) => {
      registered.set(namespace.name, namespace);
      await addBundle(namespace, 'fr');
      await addBundle(namespace, currentLanguage());
    }),
  );
}
