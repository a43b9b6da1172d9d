import { expect, test } from '@playwright/test';

import { MANAGER, SLUG, statusPage } from '../support';
import { demoCondo, signInToConsole, unique } from '../console/console-support';
import { expectMessageBeside, notice, openPart } from './admin-support';

test('a manager adds a building and a piece of equipment, sets its status by hand, and the public page shows it', async ({
  page,
  request,
}) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await openPart(page, id, 'buildings');
  await expect(page.getByRole('heading', { level: 1, name: 'Bâtiments et équipements' })).toBeVisible();

  // A building: its name is required, then unique within the condo (the 409 beside the field).
  await page.getByRole('button', { name: 'Ajouter un bâtiment' }).click();
  const newBuilding = page.getByRole('form', { name: 'Nouveau bâtiment' });
  await newBuilding.getByLabel('Ordre d’affichage').fill('deux');
  await newBuilding.getByRole('button', { name: 'Ajouter un bâtiment' }).click();
  await expectMessageBeside(newBuilding.getByLabel('Nom'), /Ce champ est obligatoire\./);
  await expect(newBuilding.getByLabel('Nom')).toBeFocused();
  await expectMessageBeside(newBuilding.getByLabel('Ordre d’affichage'), /nombre entier de 0 à 10 000/);
  await newBuilding.getByLabel('Nom').fill('bâtiment a');
  await newBuilding.getByLabel('Ordre d’affichage').fill('9');
  await newBuilding.getByRole('button', { name: 'Ajouter un bâtiment' }).click();
  await expectMessageBeside(newBuilding.getByLabel('Nom'), /Ce nom est déjà utilisé dans la copropriété\./);
  const buildingName = unique('Bâtiment C');
  await newBuilding.getByLabel('Nom').fill(buildingName);
  await newBuilding.getByLabel('Description').fill('La résidence neuve, côté jardin.');
  await newBuilding.getByRole('button', { name: 'Ajouter un bâtiment' }).click();
  await expect(notice(page)).toHaveText('Bâtiment ajouté.');
  const building = page.getByRole('region', { name: buildingName });
  await expect(building).toBeVisible();
  await expect(building.getByText('Aucun équipement en service dans ce bâtiment.')).toBeVisible();

  // Its equipment: a bad code and a taken name are said beside their fields.
  await building.getByRole('button', { name: `Ajouter un équipement dans ${buildingName}` }).click();
  const newEquipment = building.getByRole('form', { name: `Nouvel équipement dans ${buildingName}` });
  await newEquipment.getByRole('button', { name: 'Ajouter un équipement' }).click();
  await expectMessageBeside(newEquipment.getByLabel('Nom'), /Ce champ est obligatoire\./);
  await expectMessageBeside(newEquipment.getByLabel('Catégorie'), /Ce champ est obligatoire\./);
  await newEquipment.getByLabel('Nom').fill('Ascenseur A1');
  await newEquipment.getByLabel('Catégorie').selectOption({ label: 'Ascenseur' });
  await newEquipment.getByLabel('Code').fill('ASC C 01');
  await newEquipment.getByRole('button', { name: 'Ajouter un équipement' }).click();
  await expectMessageBeside(newEquipment.getByLabel('Code'), /Lettres, chiffres, points, tirets/);
  await newEquipment.getByLabel('Code').fill('ASC-A-01');
  await newEquipment.getByRole('button', { name: 'Ajouter un équipement' }).click();
  await expectMessageBeside(newEquipment.getByLabel('Nom'), /Ce nom est déjà utilisé dans la copropriété\./);
  const liftName = unique('Ascenseur C');
  const code = `ASC-C-${Date.now().toString(36).slice(-4)}`;
  await newEquipment.getByLabel('Nom').fill(liftName);
  await newEquipment.getByRole('button', { name: 'Ajouter un équipement' }).click();
  await expectMessageBeside(newEquipment.getByLabel('Code'), /Ce code est déjà utilisé par un autre équipement\./);
  await newEquipment.getByLabel('Code').fill(code);
  await newEquipment.getByLabel('Emplacement').fill('Hall');
  await newEquipment.getByRole('button', { name: 'Ajouter un équipement' }).click();
  await expect(notice(page)).toHaveText('Équipement ajouté.');
  const lift = building.getByRole('listitem', { name: liftName });
  await expect(lift.getByTestId('shown-status')).toContainText('Opérationnel');
  await expect(lift.getByTestId('shown-status')).toContainText('Le statut réglé à la main.');

  // Its status by hand, with a note: the console and the public page say it at once.
  await lift.getByRole('button', { name: `Changer le statut manuel de ${liftName}` }).click();
  const statusForm = lift.getByRole('form', { name: `Statut manuel de « ${liftName} »` });
  await statusForm.getByLabel('Panne partielle').check();
  await statusForm.getByLabel('Note').fill('Cabine bloquée au 2e étage, dépanneur prévenu.');
  await statusForm.getByRole('button', { name: 'Enregistrer le statut' }).click();
  await expect(notice(page)).toHaveText('Statut enregistré.');
  await expect(lift.getByTestId('shown-status')).toContainText('Panne partielle');
  await expect(lift.getByTestId('shown-status')).toContainText('Note : Cabine bloquée au 2e étage');

  // A building still housing equipment in service cannot be archived: the refusal says why.
  await building.getByRole('button', { name: `Archiver le bâtiment ${buildingName}` }).click();
  await building.getByRole('button', { name: 'Oui, archiver' }).click();
  await expect(building.getByRole('alert')).toHaveText(/abrite encore 1 équipement en service : retirez-le ou déplacez-le d’abord/);
  await building.getByRole('button', { name: 'Annuler' }).click();

  await page.goto(`/c/${SLUG}`);
  const publicLift = page.locator('.equipment-row', { hasText: liftName });
  await expect(publicLift.getByTestId('status-label')).toHaveAttribute('data-status', 'partial_outage');
  await expect(publicLift).toContainText('Panne partielle');
  const shown = (await statusPage(request)).buildings.find((candidate) => candidate.name === buildingName);
  expect(shown?.equipment.map((item) => item.name)).toEqual([liftName]);
});

test('a manager edits and moves a piece of equipment, then retires it: it leaves the lists, never deleted', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await openPart(page, id, 'buildings');
  const common = page.getByRole('region', { name: 'Équipements communs' });
  await common.getByRole('button', { name: 'Ajouter un équipement dans Équipements communs' }).click();
  const name = unique('Interphone');
  const form = common.getByRole('form', { name: 'Nouvel équipement dans Équipements communs' });
  await form.getByLabel('Nom').fill(name);
  await form.getByLabel('Catégorie').selectOption({ label: 'Accès' });
  await form.getByRole('button', { name: 'Ajouter un équipement' }).click();
  await expect(notice(page)).toHaveText('Équipement ajouté.');

  const item = common.getByRole('listitem', { name });
  await item.getByRole('button', { name: `Modifier ${name}` }).click();
  const edit = item.getByRole('form', { name: `Modifier « ${name} »` });
  await edit.getByLabel('Bâtiment').selectOption({ label: 'Bâtiment A' });
  await edit.getByLabel('Emplacement').fill('Entrée principale');
  await edit.getByRole('button', { name: 'Modifier' }).click();
  await expect(notice(page)).toHaveText('Équipement enregistré.');
  const moved = page.getByRole('region', { name: 'Bâtiment A' }).getByRole('listitem', { name });
  await expect(moved).toContainText('Entrée principale');
  await expect(common.getByRole('listitem', { name })).toHaveCount(0);

  await moved.getByRole('button', { name: `Retirer ${name} du service` }).click();
  await expect(moved.getByText(/Il n’est jamais supprimé : son historique/)).toBeVisible();
  await moved.getByRole('button', { name: 'Oui, retirer du service' }).click();
  await expect(notice(page)).toHaveText('Équipement retiré du service.');
  await expect(page.getByRole('listitem', { name })).toHaveCount(0);
});
