import { expect, test } from '@playwright/test';

import { MANAGER, tokenFor } from '../support';
import { demoCondo, signInToConsole } from '../console/console-support';
import { expectMessageBeside, notice, openPart, today } from './admin-support';

test('a manager proposes next year’s budget, records its approval, then amends it with a reason', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  // The first year after the demo's with no budget yet, however often this runs on one server.
  const token = await tokenFor(request, MANAGER);
  let year = new Date().getFullYear() + 1;
  while ((await request.get(`/api/v1/copros/${id}/budgets/${year}`, { headers: { Authorization: `Bearer ${token}` } })).ok()) year += 1;

  await signInToConsole(page, MANAGER);
  await openPart(page, id, 'expenses', `?view=budget&year=${year}`);
  await expect(page.getByTestId('budget-none')).toHaveText(new RegExp(`Aucun budget pour ${year}`));

  const lines = page.getByRole('form', { name: `Lignes du budget ${year}` });
  await lines.getByLabel('Énergie').fill('-20');
  await lines.getByLabel('Eau').fill('mille');
  await lines.getByLabel('Travaux').fill('1,999');
  await lines.getByRole('button', { name: 'Proposer le budget' }).click();
  await expectMessageBeside(lines.getByLabel('Énergie'), /ne peut pas être négatif/);
  await expectMessageBeside(lines.getByLabel('Eau'), /montant en euros/);
  await expectMessageBeside(lines.getByLabel('Travaux'), /Deux chiffres au plus/);
  await expect(lines.getByLabel('Énergie')).toBeFocused();

  await lines.getByLabel('Énergie').fill('19 000');
  await lines.getByLabel('Eau').fill('9 500,50');
  await lines.getByLabel('Travaux').fill('12000');
  await lines.getByLabel('Ascenseurs').fill('15 800');
  await expect(lines).toContainText(/Total : 56\s300,50\s€/);
  await lines.getByRole('button', { name: 'Proposer le budget' }).click();
  await expect(notice(page)).toHaveText('Budget enregistré.');
  await expect(page.getByTestId('budget-state')).toHaveAttribute('data-state', 'provisional');

  // The approval: its day cannot be in the future.
  const approval = page.getByRole('form', { name: 'Approbation en assemblée générale' });
  await approval.getByLabel('Date de l’assemblée générale').fill('2099-06-30');
  await approval.getByRole('button', { name: 'Enregistrer l’approbation' }).click();
  await expectMessageBeside(approval.getByLabel('Date de l’assemblée générale'), /ne peut pas être dans le futur/);
  await approval.getByLabel('Date de l’assemblée générale').fill(today());
  await approval.getByRole('button', { name: 'Enregistrer l’approbation' }).click();
  await expect(notice(page)).toHaveText('Approbation enregistrée.');
  await expect(page.getByTestId('budget-state')).toHaveAttribute('data-state', 'approved');
  await expect(page.getByRole('form', { name: 'Approbation en assemblée générale' })).toHaveCount(0);

  // Approved, its lines change only by an amendment, which says why.
  const amended = page.getByRole('form', { name: `Lignes du budget ${year}` });
  await amended.getByRole('button', { name: 'Enregistrer l’amendement' }).click();
  await expect(amended.getByRole('alert')).toHaveText(/Rien n’a changé/);
  await amended.getByLabel('Travaux').fill('42 000');
  await amended.getByRole('button', { name: 'Enregistrer l’amendement' }).click();
  await expectMessageBeside(amended.getByLabel('Raison de l’amendement'), /dites pourquoi il est modifié/);
  await amended.getByLabel('Raison de l’amendement').fill('Ravalement de façade voté en assemblée générale extraordinaire.');
  await amended.getByRole('button', { name: 'Enregistrer l’amendement' }).click();
  await expect(notice(page)).toHaveText('Amendement enregistré.');
  await expect(page.getByTestId('budget-state')).toContainText(/Total : 86\s300,50\s€/);
  const amendment = page.getByTestId('budget-amendment');
  await expect(amendment).toHaveCount(1);
  await expect(amendment).toContainText('Ravalement de façade voté en assemblée générale extraordinaire.');
  await expect(amendment).toContainText(/Nouveau total : 86\s300,50\s€/);

  // The spend view of that year compares against the amended lines.
  await page.getByRole('link', { name: 'Dépenses face au budget' }).click();
  const works = page.getByTestId('figures-by-category').locator('tr[data-category="works"] td');
  await expect(works.first()).toHaveText(/42\s000,00\s€/);
});
