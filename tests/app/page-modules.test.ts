import { describe, expect, it } from 'vitest';
import { matchPage } from '../../src/app/router';
import { pageModules } from '../../src/app/routes';

describe('the page table (routes/index.ts)', () => {
  it.each(pageModules.map((module) => [module.path || '(home)', module] as const))(
    '%s is the path its module declares',
    async (_, module) => {
      expect((await module.load()).path).toBe(module.path);
    },
  );

  it.each([
    ['/', ''],
    ['/talks/lca-2018/keynote', 'talks/:conference/:talk'],
    ['/speakers/page/2', 'speakers/page/:page'],
    ['/speakers/jane-doe', 'speakers/:id'],
    ['/no/such/page', '*'],
  ])('%s is answered by the %s module, before it is loaded', (path, modulePath) => {
    expect(matchPage(path).module.path).toBe(modulePath);
  });
});
