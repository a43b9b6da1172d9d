import { describe, expect, it } from 'vitest';

import {
  checkReport,
  EMPTY_REPORT,
  reportFieldOf,
  toTicketReport,
  type ReportValues,
} from '@/features/tickets/components/report-rules';
import { problemFromServer, serverProblems } from '@/lib/validation';

const brokenLift: ReportValues = {
  ...EMPTY_REPORT,
  title: 'Ascenseur bloqué',
  description: 'Il reste bloqué au 3e étage depuis ce matin.',
  equipmentIds: ['lift-1'],
  name: 'Camille Durand',
  email: 'camille@example.org',
};

describe('the report form rules', () => {
  it('accept a complete anonymous report of a broken lift', () => {
    expect(checkReport(brokenLift, true)).toEqual({});
  });

  it('ask for a title of 3 to 120 characters, counted after trimming', () => {
    expect(checkReport({ ...brokenLift, title: '  ab  ' }, false).title).toEqual({ kind: 'tooShort', min: 3 });
    expect(checkReport({ ...brokenLift, title: 'x'.repeat(121) }, false).title).toEqual({ kind: 'tooLong', max: 120 });
    expect(checkReport({ ...brokenLift, title: '   ' }, false).title).toEqual({ kind: 'required' });
  });

  it('count characters as the server does, not UTF-16 units', () => {
    expect(checkReport({ ...brokenLift, title: '🛗'.repeat(120) }, false).title).toBeUndefined();
  });

  it('ask for a description of 10 to 5000 characters, line breaks allowed', () => {
    expect(checkReport({ ...brokenLift, description: 'Trop court' }, false).description).toBeUndefined();
    expect(checkReport({ ...brokenLift, description: 'court' }, false).description).toEqual({ kind: 'tooShort', min: 10 });
    expect(checkReport({ ...brokenLift, description: 'Ligne un\nligne deux\tfin' }, false).description).toBeUndefined();
  });

  it('refuse control characters, and line breaks in one-line fields', () => {
    expect(checkReport({ ...brokenLift, title: 'Porte\u0000cassée' }, false).title).toEqual({ kind: 'controlCharacters' });
    expect(checkReport({ ...brokenLift, title: 'Porte\ncassée' }, false).title).toEqual({ kind: 'controlCharacters' });
    expect(checkReport({ ...brokenLift, description: 'Une porte \u0007 qui sonne' }, false).description).toEqual({
      kind: 'controlCharacters',
    });
    expect(checkReport({ ...brokenLift, description: 'Séparateur\u2028de ligne' }, false).description).toEqual({
      kind: 'controlCharacters',
    });
  });

  it('take the location as optional, but 3 to 200 characters when given', () => {
    expect(checkReport({ ...brokenLift, location: '' }, false).location).toBeUndefined();
    expect(checkReport({ ...brokenLift, location: 'RC' }, false).location).toEqual({ kind: 'tooShort', min: 3 });
  });

  it('need a piece of equipment for an incident, none for a request', () => {
    expect(checkReport({ ...brokenLift, equipmentIds: [] }, false).equipment).toEqual({ kind: 'chooseEquipment' });
    expect(checkReport({ ...brokenLift, type: 'request', equipmentIds: [] }, false).equipment).toBeUndefined();
  });

  it('ask an anonymous visitor for a name of 2 to 100 characters and an email', () => {
    const problems = checkReport({ ...brokenLift, name: 'C', email: 'camille@' }, true);
    expect(problems.name).toEqual({ kind: 'tooShort', min: 2 });
    expect(problems.email).toEqual({ kind: 'invalidEmail' });
    expect(checkReport({ ...brokenLift, name: '', email: '' }, false)).toEqual({});
  });

  it.each(['06 12 34 56 78', '06.12.34.56.78', '06-12-34-56-78', '+33 6 12 34 56 78', '0123456789'])(
    'accept the French phone number %s',
    (phone) => {
      expect(checkReport({ ...brokenLift, phone }, true).phone).toBeUndefined();
    },
  );

  it.each(['0012345678', '06 12 34 56', '+44 20 7946 0958', '06 12 34 56 78 9', 'zéro six'])(
    'refuse the phone number %s',
    (phone) => {
      expect(checkReport({ ...brokenLift, phone }, true).phone).toEqual({ kind: 'invalidPhone' });
    },
  );

  it('send trimmed values, contact details only when anonymous, no empty location', () => {
    expect(toTicketReport({ ...brokenLift, title: '  Ascenseur bloqué ' }, false)).toEqual({
      type: 'incident',
      title: 'Ascenseur bloqué',
      description: brokenLift.description,
      location: null,
      equipment_ids: ['lift-1'],
    });
    expect(toTicketReport(brokenLift, true).reporter).toEqual({
      name: 'Camille Durand',
      email: 'camille@example.org',
      phone: null,
    });
  });
});

describe('the server’s refusals', () => {
  it('land beside the field their dotted path names', () => {
    expect(reportFieldOf('reporter.phone')).toBe('phone');
    expect(reportFieldOf('reporter')).toBe('name');
    expect(reportFieldOf('equipment_ids.0')).toBe('equipment');
    expect(reportFieldOf('title')).toBe('title');
    expect(reportFieldOf('body')).toBeNull();
  });

  it('become the same problems the form finds itself, never a raw code', () => {
    const { problems, unplaced } = serverProblems(
      [
        { field: 'title', message: 'String should have at least 3 characters', type: 'string_too_short' },
        { field: 'reporter.phone', message: 'a French number', type: 'invalid_value' },
        { field: 'description', message: 'Value error, must not contain control characters (found U+0000)', type: 'value_error' },
        { field: 'reporter.email', message: 'value is not a valid email address', type: 'value_error' },
        { field: 'body', message: 'weird', type: 'json_invalid' },
      ],
      reportFieldOf,
      { title: { min: 3, max: 120 } },
    );
    expect(problems).toEqual({
      title: { kind: 'tooShort', min: 3 },
      phone: { kind: 'invalidPhone' },
      description: { kind: 'controlCharacters' },
      email: { kind: 'invalidEmail' },
    });
    expect(unplaced).toBe(true);
    expect(problemFromServer({ field: 'title', message: '?', type: 'something_new' })).toEqual({ kind: 'rejected' });
  });
});
