import type { membersFr } from '@/features/members/locales/fr';
import type { Translations } from '@/locales/fr';

export const membersEn: Translations<typeof membersFr> = {
  page: {
    title: 'Members',
    intro: 'The accounts holding a role in the condominium, sign-ups to approve, invitations.',
    loading: 'Loading the members…',
  },
  pending: {
    title: 'Sign-ups awaiting activation',
    intro: 'These people signed up from the public page; they can sign in once their account is activated.',
    none: 'No sign-up awaiting activation.',
    activate: 'Activate',
    activateOf: 'Activate the account of {{name}}',
    activated: '{{name}} can now sign in.',
    signedUp: 'Signed up on {{date}}',
  },
  list: {
    title: 'Members of the condominium',
    count_one: '{{count}} member',
    count_other: '{{count}} members',
    partial: 'The {{shown}} most recent of {{total}} are shown.',
    empty: 'No member.',
    name: 'Name',
    role: 'Role',
    home: 'Home',
    status: 'Account',
    actions: 'Actions',
    you: '(you)',
    erased: 'Name erased',
    noHome: '—',
    lot: 'lot {{lot}}',
    floor: 'floor {{floor}}',
  },
  status: {
    pending: 'Pending',
    active: 'Active',
    deactivated: 'Closed',
  },
  role: {
    label: 'Role of {{name}}',
    change: 'Change the role',
    changeOf: 'Change the role of {{name}}',
    changed: '{{name}} is now {{role}}.',
    lastManager: '{{name}} is the condominium’s last manager: appoint another manager first.',
  },
  remove: {
    action: 'Remove',
    actionOf: 'Remove {{name}} from the condominium',
    confirm:
      'Remove {{name}} from this condominium? They lose every role and access here. Their account is not deleted: their other condominiums and their history stay.',
    yes: 'Yes, remove from the condominium',
    done: '{{name}} is no longer a member of the condominium.',
    lastManager: 'This is the condominium’s last manager: appoint another manager first.',
  },
  invite: {
    title: 'Invite someone',
    intro:
      'Someone who already has an account joins the condominium by accepting the invitation; without one, they find it when signing up with this address. The answer is the same either way.',
    submit: 'Send the invitation',
    sent: 'Invitation sent to {{email}}.',
    alreadyMember: 'This person is already a member of the condominium.',
    pendingNote: 'Pending invitations are not listed here yet: the service tells them to the invited person only.',
  },
  create: {
    title: 'Create an active account',
    intro:
      'For an address without an account: it is created and active at once. If the address already has an account, it is sent an invitation instead.',
    submit: 'Create the account',
    done: 'Done for {{email}}: the account shows in the list if it was just created, otherwise an invitation was sent.',
  },
  fields: {
    email: 'Email address',
    firstName: 'First name',
    lastName: 'Last name',
    role: 'Role',
    chooseRole: 'Choose a role',
    building: 'Building',
    noBuilding: 'None',
    lot: 'Lot',
    floor: 'Floor',
    password: 'Password',
    passwordHint: 'Optional, at least 10 characters: give it to the person safely.',
  },
  refusal: {
    accountState: 'This account has already changed state: the list is up to date.',
    selfRemoval: 'You cannot remove yourself.',
  },
};
