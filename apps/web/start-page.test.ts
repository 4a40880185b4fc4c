import { describe, expect, it } from 'vitest';
import { chunkClosure, startPageGroup } from './start-page.ts';

const chunk = (fileName: string, imports: string[], css: string[] = [], facade?: string) => ({
  type: 'chunk',
  fileName,
  facadeModuleId: facade ?? null,
  imports,
  viteMetadata: { importedCss: new Set(css) },
});

describe('the start page preload', () => {
  const bundle = {
    'assets/home.js': chunk(
      'assets/home.js',
      ['assets/start.js', 'assets/shell.js'],
      [],
      '/app/src/features/home/home.page.tsx',
    ),
    'assets/start.js': chunk('assets/start.js', ['assets/shell.js'], ['assets/start.css']),
    'assets/shell.js': chunk('assets/shell.js', [], ['assets/shell.css']),
    'assets/admin.js': chunk(
      'assets/admin.js',
      ['assets/shell.js'],
      ['assets/admin.css'],
      '/app/src/features/admin/admin.routes.tsx',
    ),
    'assets/start.css': { type: 'asset' },
  };

  it('lists the start page with what it imports, leaving out what index.html has already', () => {
    const skip = new Set(['assets/shell.js', 'assets/shell.css']);
    expect(chunkClosure(bundle, 'src/features/home/home.page.tsx', skip)).toEqual({
      scripts: ['assets/home.js', 'assets/start.js'],
      styles: ['assets/start.css'],
    });
  });

  it('never preloads another part of the app', () => {
    const { scripts, styles } = chunkClosure(bundle, 'src/features/home/home.page.tsx');
    expect(scripts).not.toContain('assets/admin.js');
    expect(styles).not.toContain('assets/admin.css');
  });

  it('refuses a start module that was not built', () => {
    expect(() => chunkClosure(bundle, 'src/features/home/missing.tsx')).toThrow(/missing\.tsx/);
  });
});

describe('the start page chunk', () => {
  const graph: Record<string, string[]> = {
    '/src/home.tsx': ['/src/one-tap.tsx', '/src/outbox.tsx', '/packages/contracts/index.ts'],
    '/src/one-tap.tsx': ['/src/outbox.tsx', '/src/api.ts'],
    '/src/outbox.tsx': [],
    '/src/api.ts': [],
    '/src/admin.tsx': ['/src/api.ts'],
    '/packages/contracts/index.ts': [],
  };
  const context = {
    getModuleInfo: (id: string) => (id in graph ? { importedIds: graph[id] ?? [] } : null),
  };

  it('takes every module of the app source that the start page imports, directly or not, and nothing else', () => {
    const group = startPageGroup('/src/home.tsx', '/src/');
    const named = Object.keys(graph).map((id) => [id, group(id, context)]);
    expect(Object.fromEntries(named)).toEqual({
      '/src/home.tsx': 'start',
      '/src/one-tap.tsx': 'start',
      '/src/outbox.tsx': 'start',
      '/src/api.ts': 'start',
      '/src/admin.tsx': null,
      '/packages/contracts/index.ts': null,
    });
  });
});
