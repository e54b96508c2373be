import { describe, expect, it } from 'vitest';
import { catalogueProblems, expandScopes, findCycle } from './applications';

const scope = (name: string, implies: string[] = []) => ({ scope: name, description: name, implies });

describe('application catalogues', () => {
  it('accepts resource:action scopes with implications inside the catalogue', () => {
    expect(catalogueProblems([scope('deploy:read'), scope('deploy:write', ['deploy:read']), scope('deploy-logs:read')])).toEqual([]);
  });

  it.each([['Deploy:read'], ['deploy'], ['deploy:'], [':read'], ['1deploy:read'], ['deploy:read:x'], ['deploy_x:read'], ['deploy :read']])(
    'refuses the malformed scope %s naming its field',
    (bad) => {
      expect(catalogueProblems([scope('deploy:read'), scope(bad)])).toEqual([expect.objectContaining({ field: 'scopes.1.scope', constraint: 'scopeFormat' })]);
    },
  );

  it('refuses a repeated scope', () => {
    expect(catalogueProblems([scope('a:b'), scope('a:b')])).toEqual([expect.objectContaining({ field: 'scopes.1.scope', constraint: 'unique' })]);
  });

  it('refuses an implication of an unknown scope or of itself', () => {
    expect(catalogueProblems([scope('a:b', ['a:c'])])).toEqual([expect.objectContaining({ field: 'scopes.0.implies.0', constraint: 'unknownScope' })]);
    expect(catalogueProblems([scope('a:b', ['a:b'])])).toEqual([expect.objectContaining({ field: 'scopes.0.implies.0', constraint: 'selfImplication' })]);
  });

  it('refuses cycles of implications, naming the cycle', () => {
    const problems = catalogueProblems([scope('a:x', ['a:y']), scope('a:y', ['a:z']), scope('a:z', ['a:x'])]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'scopes.0.implies', constraint: 'noCycle' });
    expect(problems[0].message).toContain('a:x -> a:y -> a:z -> a:x');
    expect(findCycle([scope('a:x', ['a:y']), scope('a:y'), scope('a:z', ['a:y'])])).toBeNull();
  });

  it('expands granted scopes transitively through implications, and nothing more', () => {
    const catalogue = [scope('deploy:admin', ['deploy:write']), scope('deploy:write', ['deploy:read']), scope('deploy:read'), scope('logs:read')];
    expect([...expandScopes(['deploy:admin'], catalogue)].sort()).toEqual(['deploy:admin', 'deploy:read', 'deploy:write']);
    expect([...expandScopes(['deploy:read'], catalogue)]).toEqual(['deploy:read']);
    expect([...expandScopes([], catalogue)]).toEqual([]);
  });
});
