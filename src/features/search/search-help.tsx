/** What a person can type in the search box, shown in its help popover and on an empty search. */
const SYNTAX: Array<{ example: string; meaning: string }> = [
  { example: 'kube', meaning: 'words match as you type; longer words forgive typos' },
  { example: 'docker aws', meaning: 'talks with every word (else with some, and it says so)' },
  { example: '"exact phrase"', meaning: 'these words in this order' },
  { example: '-puppet', meaning: 'leave out talks with this word' },
  { example: 'speaker:tweedale', meaning: 'only in speakers' },
  { example: 'tag:docker', meaning: 'only in tags' },
  { example: 'track:keynote', meaning: 'only in the track' },
  { example: 'conference:pycon', meaning: 'only in the conference' },
  { example: 'title:monitoring', meaning: 'only in titles' },
];

export function SearchSyntax() {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {SYNTAX.map(({ example, meaning }) => (
        <div key={example} className="contents">
          <dt>
            <code className="rounded-sm bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-900 dark:bg-slate-800 dark:text-slate-100">
              {example}
            </code>
          </dt>
          <dd className="text-slate-700 dark:text-slate-300">{meaning}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SearchKeysHint() {
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400">
      <kbd className="font-mono">/</kbd> or <kbd className="font-mono">Ctrl K</kbd> to search,{' '}
      <kbd className="font-mono">↓</kbd> <kbd className="font-mono">↑</kbd> through results,{' '}
      <kbd className="font-mono">Enter</kbd> to open, <kbd className="font-mono">Esc</kbd> to clear.
      Accents are optional: <code className="font-mono">difference</code> finds “différence”.
    </p>
  );
}
