import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

import { isEquipmentCategory, type EquipmentCategory } from '@/types/equipment-status';

type CategoryIconProps = { category: string };

/** The kind of equipment as a pictogram with an accessible name ("Ascenseur"). */
export function CategoryIcon({ category }: CategoryIconProps) {
  const { t } = useTranslation();
  const known: EquipmentCategory = isEquipmentCategory(category) ? category : 'other';
  return (
    <span className="category-icon" data-category={known}>
      <svg
        viewBox="0 0 24 24"
        width="1em"
        height="1em"
        role="img"
        aria-label={t(`category.${known}`)}
        focusable="false"
      >
        {PICTOGRAMS[known]}
      </svg>
    </span>
  );
}

// Line pictograms in the spirit of Feather Icons, drawn with the current text colour.
const PICTOGRAMS: Record<EquipmentCategory, ReactElement> = {
  lift: (
    <>
      <rect x="4.5" y="2.5" width="15" height="19" rx="2" />
      <path d="M9 9.5l3-3 3 3M9 14.5l3 3 3-3" />
    </>
  ),
  lighting: (
    <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.6 10.8c.7.6 1.1 1.3 1.1 2.2h5c0-.9.4-1.6 1.1-2.2A6 6 0 0 0 12 3z" />
  ),
  water: <path d="M12 2.8s-6.5 7-6.5 11.7a6.5 6.5 0 0 0 13 0C18.5 9.8 12 2.8 12 2.8z" />,
  heating: (
    <>
      <path d="M14.5 14.8V4.5a2.5 2.5 0 0 0-5 0v10.3a4.5 4.5 0 1 0 5 0z" />
      <path d="M12 9v8" />
    </>
  ),
  electricity: <path d="M13 2.5L4 13.5h7l-1 8 9-11h-7z" />,
  access: (
    <>
      <circle cx="7.5" cy="15.5" r="4.5" />
      <path d="M10.7 12.3L20.5 2.5M16.5 6.5l3 3M14 9l2 2" />
    </>
  ),
  safety: <path d="M12 21.5s8-4 8-10v-6l-8-3-8 3v6c0 6 8 10 8 10z" />,
  other: (
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M8 12h.01M12 12h.01M16 12h.01" />
    </>
  ),
};
