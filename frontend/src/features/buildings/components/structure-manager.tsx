import './structure.css';

import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CategoryIcon } from '@/components/ui/category-icon';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { DoneNotice } from '@/components/ui/done-notice';
import { RefusalText } from '@/components/ui/form/refusal-text';
import { LoadFailed } from '@/components/ui/load-failed';
import { Spinner } from '@/components/ui/spinner';
import { useArchiveBuilding } from '@/features/buildings/api/archive-building';
import { useStructure } from '@/features/buildings/api/get-structure';
import { useRetireEquipment } from '@/features/buildings/api/retire-equipment';
import { BuildingForm } from '@/features/buildings/components/building-form';
import { EquipmentForm } from '@/features/buildings/components/equipment-form';
import { ShownStatus } from '@/features/buildings/components/shown-status';
import { StatusForm } from '@/features/buildings/components/status-form';
import type { Building, Equipment, Structure } from '@/features/buildings/types';
import { ApiError } from '@/lib/api-client';

/** Which form is open: one at a time, so the page never holds two half-typed changes. */
type Open =
  | { kind: 'addBuilding' }
  | { kind: 'editBuilding'; id: string }
  | { kind: 'addEquipment'; buildingId: string }
  | { kind: 'editEquipment'; id: string }
  | { kind: 'status'; id: string }
  | null;

type Forms = { open: Open; setOpen: (open: Open) => void; done: (message: string) => void };

type StructureManagerProps = { coproId: string; canManage: boolean };

/** The condo's buildings with their equipment in service: what the public page shows of each,
 * and (for managers) every change of the structure. */
export function StructureManager({ coproId, canManage }: StructureManagerProps) {
  const { t } = useTranslation('buildings');
  const structure = useStructure(coproId);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const forms: Forms = {
    open,
    setOpen: (next) => {
      setNotice('');
      setOpen(next);
    },
    done: (message) => {
      setOpen(null);
      setNotice(message);
    },
  };

  if (structure.isPending) return <Spinner label={t('page.loading')} />;
  if (structure.isError) {
    return <LoadFailed error={structure.error} onRetry={() => void structure.refetch()} />;
  }
  const buildings = structure.data.buildings;
  return (
    <div className="structure">
      <DoneNotice text={notice} testId="structure-notice" />
      {canManage ? (
        open?.kind === 'addBuilding' ? (
          <BuildingForm coproId={coproId} onDone={forms.done} onCancel={() => forms.setOpen(null)} />
        ) : (
          <div>
            <button type="button" className="button button--primary" onClick={() => forms.setOpen({ kind: 'addBuilding' })}>
              {t('building.add')}
            </button>
          </div>
        )
      ) : null}
      {buildings.length === 0 ? <p className="card console-empty">{t('page.empty')}</p> : null}
      {buildings.map((building) => (
        <BuildingCard key={building.id} coproId={coproId} building={building} structure={structure.data} canManage={canManage} forms={forms} />
      ))}
    </div>
  );
}

type BuildingCardProps = {
  coproId: string;
  building: Structure['buildings'][number];
  structure: Structure;
  canManage: boolean;
  forms: Forms;
};

function BuildingCard({ coproId, building, structure, canManage, forms }: BuildingCardProps) {
  const { t } = useTranslation('buildings');
  const archive = useArchiveBuilding();
  const headingId = `building-${building.id}-title`;
  const editing = forms.open?.kind === 'editBuilding' && forms.open.id === building.id;
  const adding = forms.open?.kind === 'addEquipment' && forms.open.buildingId === building.id;
  return (
    <section className="card structure__building" aria-labelledby={headingId} data-testid="building">
      <header className="structure__building-header">
        <div>
          <h2 id={headingId}>{building.name}</h2>
          {building.description ? <p className="structure__description">{building.description}</p> : null}
          <p className="small muted">
            {t('building.equipmentCount', { count: building.equipment.length })} · {t('building.order', { order: building.order })}
          </p>
        </div>
        {canManage ? (
          <div className="actions structure__building-actions">
            <button
              type="button"
              className="button"
              aria-label={t('building.editOf', { name: building.name })}
              aria-expanded={editing}
              onClick={() => forms.setOpen(editing ? null : { kind: 'editBuilding', id: building.id })}
            >
              {t('building.edit')}
            </button>
            <ConfirmAction
              label={t('building.archive')}
              accessibleLabel={t('building.archiveOf', { name: building.name })}
              question={t('building.archiveConfirm', { name: building.name })}
              confirmLabel={t('building.archiveYes')}
              danger
              onConfirm={async () => {
                await archive.mutateAsync({ buildingId: building.id });
                forms.done(t('building.archived'));
              }}
              refusal={(error) => <ArchiveRefusal error={error} building={building} />}
            />
          </div>
        ) : null}
      </header>
      {editing ? (
        <BuildingForm coproId={coproId} building={building} onDone={forms.done} onCancel={() => forms.setOpen(null)} />
      ) : null}
      {building.equipment.length === 0 ? (
        <p className="muted">{t('building.noEquipment')}</p>
      ) : (
        <ul className="structure__equipment" aria-label={t('equipment.list', { building: building.name })}>
          {building.equipment.map((equipment) => (
            <EquipmentItem
              key={equipment.id}
              coproId={coproId}
              equipment={equipment}
              buildings={structure.buildings}
              canManage={canManage}
              forms={forms}
            />
          ))}
        </ul>
      )}
      {canManage ? (
        adding ? (
          <EquipmentForm
            coproId={coproId}
            buildings={structure.buildings}
            buildingId={building.id}
            onDone={forms.done}
            onCancel={() => forms.setOpen(null)}
          />
        ) : (
          <div>
            <button
              type="button"
              className="button"
              aria-label={t('equipment.addTo', { building: building.name })}
              onClick={() => forms.setOpen({ kind: 'addEquipment', buildingId: building.id })}
            >
              + {t('equipment.add')}
            </button>
          </div>
        )
      ) : null}
    </section>
  );
}

/** A building still housing equipment says how many pieces: those are what to retire or move. */
function ArchiveRefusal({ error, building }: { error: unknown; building: Building & { equipment: Equipment[] } }) {
  const { t } = useTranslation('buildings');
  if (error instanceof ApiError && error.code === 'building_has_active_equipment') {
    return <>{t('building.hasEquipment', { count: Math.max(1, building.equipment.length) })}</>;
  }
  return <RefusalText error={error} />;
}

type EquipmentItemProps = {
  coproId: string;
  equipment: Equipment;
  buildings: Building[];
  canManage: boolean;
  forms: Forms;
};

function EquipmentItem({ coproId, equipment, buildings, canManage, forms }: EquipmentItemProps) {
  const { t } = useTranslation('buildings');
  const retire = useRetireEquipment();
  const editing = forms.open?.kind === 'editEquipment' && forms.open.id === equipment.id;
  const settingStatus = forms.open?.kind === 'status' && forms.open.id === equipment.id;
  const nameId = `equipment-${equipment.id}-name`;
  return (
    <li className="structure__item" aria-labelledby={nameId} data-testid="equipment">
      <div className="structure__item-main">
        <CategoryIcon category={equipment.category} />
        <div className="structure__identity">
          <p id={nameId} className="structure__name">
            {equipment.name}
          </p>
          <p className="small muted structure__meta">
            {equipment.code ? <span className="reference-inline">{equipment.code}</span> : null}
            {equipment.location ? <span>{equipment.location}</span> : null}
          </p>
        </div>
        <ShownStatus equipment={equipment} />
      </div>
      {canManage ? (
        <div className="actions structure__item-actions">
          <button
            type="button"
            className="button"
            aria-label={t('equipment.editOf', { name: equipment.name })}
            aria-expanded={editing}
            onClick={() => forms.setOpen(editing ? null : { kind: 'editEquipment', id: equipment.id })}
          >
            {t('equipment.edit')}
          </button>
          <button
            type="button"
            className="button"
            aria-label={t('equipment.setStatusOf', { name: equipment.name })}
            aria-expanded={settingStatus}
            onClick={() => forms.setOpen(settingStatus ? null : { kind: 'status', id: equipment.id })}
          >
            {t('equipment.setStatus')}
          </button>
          <ConfirmAction
            label={t('equipment.retire')}
            accessibleLabel={t('equipment.retireOf', { name: equipment.name })}
            question={t('equipment.retireConfirm', { name: equipment.name })}
            confirmLabel={t('equipment.retireYes')}
            danger
            onConfirm={async () => {
              await retire.mutateAsync({ equipmentId: equipment.id });
              forms.done(t('equipment.retired'));
            }}
            refusal={(error) => <RefusalText error={error} />}
          />
        </div>
      ) : null}
      {editing ? (
        <EquipmentForm
          coproId={coproId}
          buildings={buildings}
          buildingId={equipment.building_id}
          equipment={equipment}
          onDone={forms.done}
          onCancel={() => forms.setOpen(null)}
        />
      ) : null}
      {settingStatus ? <StatusForm equipment={equipment} onDone={forms.done} onCancel={() => forms.setOpen(null)} /> : null}
    </li>
  );
}
