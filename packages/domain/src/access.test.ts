import { describe, expect, it } from 'vitest';
import {
  anyOf,
  canSeePerson,
  canSeeUnit,
  oversees,
  oversightPathsOf,
  passesAccess,
  PUBLIC,
  SIGNED_IN,
  type Role,
  type Viewer,
} from './access.ts';

const viewer = (roles: Role[] = [], oversightPaths: string[] = []): Viewer => ({
  staffId: 1,
  roles: new Set(roles),
  unitPath: '/1/7/12/',
  oversightPaths,
});

describe('route access', () => {
  it('lets anyone through a public route, and only the signed-in through the rest', () => {
    expect(passesAccess(null, PUBLIC)).toBe('ok');
    expect(passesAccess(null, SIGNED_IN)).toBe('unauthenticated');
    expect(passesAccess(null, anyOf('admin'))).toBe('unauthenticated');
    expect(passesAccess(viewer(), SIGNED_IN)).toBe('ok');
  });

  it('needs one of the roles a route names', () => {
    expect(passesAccess(viewer(['trainer']), anyOf('admin'))).toBe('forbidden');
    expect(passesAccess(viewer(['trainer']), anyOf('admin', 'trainer'))).toBe('ok');
  });
});

describe('whose records a viewer sees', () => {
  const colleague = { staffId: 2, unitPath: '/1/7/12/' };
  const elsewhere = { staffId: 3, unitPath: '/1/8/20/' };

  it('staff see their own record only', () => {
    const staff = viewer();
    expect(canSeePerson(staff, { staffId: 1, unitPath: '/1/7/12/' })).toBe(true);
    expect(canSeePerson(staff, colleague)).toBe(false);
    expect(oversees(staff)).toBe(false);
  });

  it('a section head sees the subtree they oversee and nothing beside it', () => {
    const head = viewer(['section_head'], ['/1/7/12/']);
    expect(canSeePerson(head, colleague)).toBe(true);
    expect(canSeePerson(head, { staffId: 4, unitPath: '/1/7/12/30/' })).toBe(true);
    expect(canSeePerson(head, { staffId: 5, unitPath: '/1/7/120/' })).toBe(false);
    expect(canSeePerson(head, elsewhere)).toBe(false);
    expect(canSeeUnit(head, '/1/7/')).toBe(false);
    expect(oversees(head)).toBe(true);
  });

  it('an admin sees everyone and every unit', () => {
    const admin = viewer(['admin']);
    expect(canSeePerson(admin, elsewhere)).toBe(true);
    expect(canSeeUnit(admin, '/1/8/')).toBe(true);
    expect(oversees(admin)).toBe(true);
  });

  it('a section head sees their own unit and the units below it, and no one sees units by default', () => {
    const head = viewer(['section_head'], ['/1/7/12/']);
    expect(canSeeUnit(head, '/1/7/12/')).toBe(true);
    expect(canSeeUnit(head, '/1/7/12/30/')).toBe(true);
    expect(canSeeUnit(head, '/1/7/120/')).toBe(false);
    // Belonging to a unit is not overseeing it.
    expect(canSeeUnit(viewer(), '/1/7/12/')).toBe(false);
  });

  it('a trainer oversees nobody by being a trainer', () => {
    const trainer = viewer(['trainer']);
    expect(canSeePerson(trainer, colleague)).toBe(false);
    expect(oversees(trainer)).toBe(false);
  });
});

describe('oversightPathsOf', () => {
  const ancestors = [
    { path: '/1/7/12/', kind: 'section' },
    { path: '/1/7/', kind: 'bureau' },
    { path: '/1/', kind: 'ministry' },
  ];

  it('gives a section head their own unit', () => {
    expect(oversightPathsOf(new Set(['section_head']), ancestors)).toEqual(['/1/7/12/']);
  });

  it('gives a unit security officer their bureau, which already holds their own unit', () => {
    expect(oversightPathsOf(new Set(['unit_security_officer']), ancestors)).toEqual(['/1/7/']);
    expect(oversightPathsOf(new Set(['section_head', 'unit_security_officer']), ancestors)).toEqual(
      ['/1/7/'],
    );
  });

  it('falls back to the own unit when no bureau or regional office is above it', () => {
    expect(
      oversightPathsOf(new Set(['unit_security_officer']), [{ path: '/1/', kind: 'ministry' }]),
    ).toEqual(['/1/']);
  });

  it('gives a section head the unit an admin set instead of their own', () => {
    expect(oversightPathsOf(new Set(['section_head']), ancestors, '/1/7/11/')).toEqual([
      '/1/7/11/',
    ]);
    expect(oversightPathsOf(new Set(['section_head']), ancestors, null)).toEqual(['/1/7/12/']);
    // The setting is about heading a 課; it gives a person without the role nothing.
    expect(oversightPathsOf(new Set(['trainer']), ancestors, '/1/7/11/')).toEqual([]);
  });

  it('gives an officer under an external agency (外局) the agency', () => {
    const underAgency = [
      { path: '/1/30/31/', kind: 'division' },
      { path: '/1/30/', kind: 'agency' },
      { path: '/1/', kind: 'ministry' },
    ];
    expect(oversightPathsOf(new Set(['unit_security_officer']), underAgency)).toEqual(['/1/30/']);
  });

  it('gives an officer the nearest bureau-level unit: a regional office under its bureau', () => {
    const underRegionalOffice = [
      { path: '/1/7/40/41/', kind: 'section' },
      { path: '/1/7/40/', kind: 'regional_office' },
      { path: '/1/7/', kind: 'bureau' },
      { path: '/1/', kind: 'ministry' },
    ];
    expect(oversightPathsOf(new Set(['unit_security_officer']), underRegionalOffice)).toEqual([
      '/1/7/40/',
    ]);
  });

  it('keeps both subtrees when a head set elsewhere lies outside the officer’s bureau', () => {
    expect(
      oversightPathsOf(new Set(['section_head', 'unit_security_officer']), ancestors, '/1/8/20/'),
    ).toEqual(['/1/7/', '/1/8/20/']);
  });

  it('gives nothing to someone whose unit is unknown', () => {
    expect(oversightPathsOf(new Set(['section_head', 'unit_security_officer']), [])).toEqual([]);
  });

  it('gives other roles nothing to oversee', () => {
    expect(oversightPathsOf(new Set(['trainer', 'pjmo_member']), ancestors)).toEqual([]);
  });
});
