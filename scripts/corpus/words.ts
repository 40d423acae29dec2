/**
 * The words the generator writes with. Technology terms are taken from the compiler's tag
 * vocabulary (src/pipeline/enrich/data/tag-vocabulary.yaml) so the tagger finds them in the notes.
 */

/** Terms from the tag vocabulary that match on their own (no context word needed). */
export const TECH_TERMS = [
  'Python',
  'TypeScript',
  'Rust',
  'golang',
  'Java',
  'Kotlin',
  'Erlang',
  'Elixir',
  'Haskell',
  'Clojure',
  'PHP',
  'Perl',
  'WebAssembly',
  'SQL',
  'Django',
  'Flask',
  'FastAPI',
  'React',
  'Angular',
  'Svelte',
  'Node.js',
  'GraphQL',
  'gRPC',
  'Celery',
  'Jupyter',
  'NumPy',
  'pandas',
  'webpack',
  'Kubernetes',
  'k8s',
  'Docker',
  'Podman',
  'OpenShift',
  'Terraform',
  'Ansible',
  'Puppet',
  'SaltStack',
  'Vagrant',
  'AWS',
  'Azure',
  'OpenStack',
  'Heroku',
  'serverless',
  'microservices',
  'DevOps',
  'Jenkins',
  'GitHub',
  'GitLab',
  'PostgreSQL',
  'MySQL',
  'SQLite',
  'MongoDB',
  'Redis',
  'Memcached',
  'Cassandra',
  'Kafka',
  'RabbitMQ',
  'Elasticsearch',
  'Kibana',
  'Hadoop',
  'Apache Spark',
  'Prometheus',
  'Grafana',
  'Nagios',
  'Zabbix',
  'collectd',
  'Sysdig',
  'syslog',
  'HAProxy',
  'nginx',
  'IPv6',
  'TLS',
  'DNS',
  'cryptography',
  'JWT',
  'SELinux',
  'systemd',
  'eBPF',
  'FreeBSD',
  'Debian',
  'Ubuntu',
  'Fedora',
  'Raspberry Pi',
  'Arduino',
  'machine learning',
  'data science',
  'observability',
  'tracing',
  'monitoring',
  'alerting',
  'accessibility',
  'documentation',
  'concurrency',
  'load balancing',
  'incident response',
  'infrastructure as code',
  'distributed systems',
  'functional programming',
  'open source',
] as const;

export const NOUNS = [
  'deployment',
  'pipeline',
  'cluster',
  'migration',
  'outage',
  'dashboard',
  'team',
  'workflow',
  'release',
  'schema',
  'service',
  'library',
  'benchmark',
  'cache',
  'queue',
  'budget',
  'backlog',
  'rollout',
  'incident',
  'prototype',
  'contract',
  'interface',
  'runbook',
  'upgrade',
  'review',
  'roadmap',
  'fleet',
  'platform',
  'latency',
  'throughput',
  'storage',
  'scheduler',
  'compiler',
  'protocol',
  'test suite',
  'feature flag',
  'on-call rotation',
  'data model',
  'build system',
] as const;

export const ADJECTIVES = [
  'boring',
  'reliable',
  'slow',
  'fast',
  'legacy',
  'distributed',
  'flaky',
  'expensive',
  'cheap',
  'small',
  'huge',
  'surprising',
  'predictable',
  'observable',
  'immutable',
  'stateless',
  'shared',
  'critical',
  'painful',
  'elegant',
  'manual',
  'automated',
  'noisy',
  'quiet',
  'hidden',
] as const;

export const VERBS = [
  'replaced',
  'rewrote',
  'measured',
  'migrated',
  'split',
  'merged',
  'automated',
  'deleted',
  'profiled',
  'documented',
  'sharded',
  'cached',
  'monitored',
  'tested',
  'shipped',
  'rolled back',
  'open sourced',
  'benchmarked',
  'simplified',
  'debugged',
  'containerised',
  'refactored',
] as const;

export const NUMBERS = ['two', 'three', 'four', 'five', 'ten', 'a dozen', 'forty', 'hundreds of'];

/** Sentence shapes: {T} a technology, {N} a noun, {A} an adjective, {V} a past verb, {K} a count. */
export const SENTENCES = [
  'They {V} the {A} {N} with {T} and it took {K} weeks.',
  'The {N} was {A} until the team {V} it.',
  'Main point: {T} is not magic, you still need a {A} {N}.',
  'Started with a story about a {A} {N} at three in the morning.',
  '{T} handles the {N}, {T} handles everything around it.',
  'Their {N} runs on {T} now, about {K} times fewer pages than before.',
  'Q: why not {T}? A: the {N} was already {A} enough.',
  'Interesting that nobody in the room had {V} a {N} with {T}.',
  'Slides are dense but the demo of {T} was good.',
  'Measure the {N} before you touch it, then measure again.',
  'They kept a {A} {N} in front of {T} for years.',
  'Lesson learned: a {A} {N} beats a clever one.',
  'Most of the time went on the {N}, not on {T} itself.',
  'He {V} the {N} twice, the second time with {T}.',
  'She showed how {T} and {T} fit together in a {A} {N}.',
  'The hard part is people, not the {N}.',
  'Audience question about {T} versus {T}, answer was "it depends on your {N}".',
  'Numbers: p99 latency went from {K} seconds to under one.',
  'Worth reading the docs on {T} again, the {N} section especially.',
  'A {A} {N} is still a {N}.',
] as const;

/** Lines in other languages, as people who take notes at conferences abroad write them. */
export const FOREIGN_SENTENCES = [
  "L'intervenant a présenté une migration vers {T} en production, très concret.",
  'Très bonne démo, mais le déploiement reste compliqué à maîtriser.',
  'Retour d’expérience intéressant : trois équipes, un seul cluster, beaucoup de café.',
  'Der Vortrag zeigte, wie man {T} im Produktivbetrieb überwacht.',
  'Größte Herausforderung: die Schulung der Kolleginnen und Kollegen.',
  'Fazit des Sprechers: lieber klein anfangen und früh messen.',
  '{T}の運用について、とても実践的な話でした。',
  '質疑応答では、移行のコストについての質問が多かった。',
  'スライドは後で公開されるそうです。',
] as const;

export const LINK_HOSTS = [
  (slug: string) => `https://github.com/${slug}`,
  (slug: string) =>
    `https://www.youtube.com/watch?v=${slug.replace(/[^a-z0-9]/gi, '').slice(0, 11)}`,
  (slug: string) => `https://www.slideshare.net/${slug}`,
  (slug: string) =>
    `https://arxiv.org/abs/${1000 + ((slug.length * 37) % 9000)}.${10000 + slug.length * 131}`,
  (slug: string) => `https://blog.example.org/${slug}`,
  (slug: string) => `https://${slug.split('/')[0]}.dev/posts/${slug.split('/')[1] ?? 'notes'}`,
] as const;

export const LINK_WORDS = ['slides', 'video', 'repo', 'paper', 'blog post', 'write-up', 'demo'];

export const SUBHEADINGS = ['Takeaways', 'Questions', 'Demo', 'Background', 'Open questions'];

/**
 * Sentence shapes that name a rarer thing, {R}: a tool, a library, an internal project, a product.
 * Real notes have a long tail of such words, most met in a handful of talks; without them every
 * term of the generated notes is in thousands of talks and search sees no realistic vocabulary.
 */
export const RARE_SENTENCES = [
  'They built {R} in house, a small {N} in front of {T}.',
  'Someone asked about {R}; the answer was to look at {R} first.',
  'Mentioned {R} and {R} as alternatives to {T}.',
  'The {A} part was {R}, which nobody in the room had heard of.',
  'Look up {R} later, it replaced their {N}.',
  'Hallway track: {R} versus {R} for the {N}.',
] as const;

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'kr', 'l'];
const MORE_ONSETS = ['m', 'n', 'p', 'pl', 'qu', 'r', 's', 'sk', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 'x', 'k', 'l', 'm', 'nd', 'st', 'th'];
const ENDINGS = ['', '', '', '', 'ly', 'io', 'ify', 'db', 'ctl', 'ops', 'kit', 'hub', 'js', 'd'];

/** How many rare words there are: enough that a 50,000-talk corpus keeps finding new ones. */
export const RARE_WORD_COUNT = 60_000;

let rareWords: readonly string[] | undefined;

/**
 * A fixed list of made-up names (`Brontly`, `skeaxctl`, `Quioman2`…), the same for every seed:
 * the seed decides only which of them a corpus uses. Drawn Zipf-wise, the first ones are common,
 * most are met once or twice.
 */
export function rareWordList(): readonly string[] {
  if (rareWords) return rareWords;
  let state = 0x5eed1e55;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const onsets = [...ONSETS, ...MORE_ONSETS];
  const words = new Set<string>();
  while (words.size < RARE_WORD_COUNT) {
    let word = '';
    for (let syllables = 2 + Math.floor(next() * 2); syllables > 0; syllables--) {
      word += pick(onsets) + pick(VOWELS) + (syllables === 1 ? pick(CODAS) : '');
    }
    word += pick(ENDINGS);
    const roll = next();
    if (roll < 0.35) word = word.charAt(0).toUpperCase() + word.slice(1);
    else if (roll < 0.45) word += String(1 + Math.floor(next() * 9));
    words.add(word);
  }
  rareWords = [...words];
  return rareWords;
}
