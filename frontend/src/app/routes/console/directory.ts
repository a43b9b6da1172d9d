import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { useStructure } from '@/features/buildings/api/get-structure';
import { useMembers } from '@/features/members/api/get-members';
import { memberName } from '@/features/members/types';

/**
 * Who and what a console page names by id: the condo's people (managers first among them) and
 * its equipment by building. Members are read by managers only; for anyone else, people are
 * named "unknown" and nobody can be assigned.
 */
export function useCondoDirectory(coproId: string, { withMembers }: { withMembers: boolean }) {
  const { t } = useTranslation();
  const { t: tConsole } = useTranslation('console');
  const members = useMembers(coproId, { enabled: withMembers });
  const structure = useStructure(coproId);
  return useMemo(() => {
    const people = new Map((members.data?.items ?? []).map((member) => [member.account_id, member]));
    const managers = (members.data?.items ?? [])
      .filter((member) => member.role === 'manager' && member.status === 'active')
      .map((member) => ({ id: member.account_id, name: memberName(member) ?? member.email ?? tConsole('common.unknownPerson') }));
    const buildings: ChoosableBuilding[] = structure.data?.buildings ?? [];
    return {
      ready: structure.isSuccess && (!withMembers || members.isSuccess),
      failed: structure.isError || (withMembers && members.isError),
      retry: () => {
        void structure.refetch();
        if (withMembers) void members.refetch();
      },
      managers,
      buildings,
      personName: (id: string) => {
        const member = people.get(id);
        return (member && memberName(member)) ?? tConsole('common.unknownPerson');
      },
      equipmentName: (id: string) => structure.data?.equipmentById.get(id)?.name ?? t('statusPage.unknownEquipment'),
    };
  }, [members, structure, withMembers, t, tConsole]);
}
