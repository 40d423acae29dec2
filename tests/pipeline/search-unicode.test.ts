/** Notes beyond ASCII: small in-memory talks indexed and searched like the real ones. */
import type lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { indexDocuments, type SearchDocument } from '../../src/pipeline/enrich/search-index';
import { loadSearchIndex } from '../../src/shared/search/index-file';
import { searchTalks } from '../../src/shared/search/query';

const doc = (id: string, title: string, text: string, speakers = ''): SearchDocument => ({
  id,
  title,
  speakers,
  tags: '',
  track: '',
  conference: '',
  text,
});

const documents = [
  doc('fr', 'La différence entre théorie et pratique', 'Une présentation sur l’été à Montréal.'),
  doc('de', 'Straßenbahn und Größe', 'Über die Ärzte in München, Goksøyr erklärt.', 'Jan Goksøyr'),
  doc('pl', 'Żółć i łódź', 'Wykład o Łodzi i źródłach.', 'Paweł Łukasz'),
  doc('el', 'Ελληνική γλώσσα', 'Η διαφορά μεταξύ θεωρίας και πράξης.'),
  doc('ja', '日本語の自然言語処理', '形態素解析とカタカナ、東京タワーについて。'),
  doc('zh', '中文搜索引擎', '我们讨论了全文检索和分词。'),
  doc('en', 'Plain English talk', 'Nothing accented here, just docker.'),
];

const index: lunr.Index = loadSearchIndex(JSON.parse(JSON.stringify(indexDocuments(documents))));
const talksById = new Map(documents.map((d) => [d.id, { title: d.title, text: d.text }]));
const ids = (input: string) => searchTalks(index, talksById, input).hits.map((hit) => hit.id);

describe('searching notes in other languages', () => {
  it.each([
    // French: accented and unaccented spellings find each other.
    ['différence', 'fr'],
    ['difference', 'fr'],
    ['DIFFERENCE', 'fr'],
    ['theorie pratique', 'fr'],
    ['ete montreal', 'fr'],
    ['"la différence"', 'fr'],
    // German and Norwegian letters.
    ['Goksøyr', 'de'],
    ['goksoyr', 'de'],
    ['speaker:goksoyr', 'de'],
    ['strassenbahn', 'de'],
    ['straßenbahn', 'de'],
    ['grosse', 'de'],
    ['arzte munchen', 'de'],
    // Polish.
    ['żółć', 'pl'],
    ['zolc', 'pl'],
    ['lodz', 'pl'],
    ['speaker:lukasz', 'pl'],
    ['zrodlach', 'pl'],
    // Greek, with and without accents.
    ['ελληνική', 'el'],
    ['ελληνικη', 'el'],
    ['ΓΛΩΣΣΑ', 'el'],
    ['διαφορα', 'el'],
    ['ελλ', 'el'],
    // Japanese: no spaces between words, so bigrams.
    ['日本語', 'ja'],
    ['日本', 'ja'],
    ['自然言語', 'ja'],
    ['言語処理', 'ja'],
    ['東京タワー', 'ja'],
    ['カタカナ', 'ja'],
    ['形態素解析', 'ja'],
    ['日', 'ja'],
    // Chinese.
    ['中文', 'zh'],
    ['搜索引擎', 'zh'],
    ['全文检索', 'zh'],
    ['分词', 'zh'],
    // Mixed.
    ['docker', 'en'],
  ])('%j finds %j', (input, id) => {
    expect(ids(input)).toEqual([id]);
  });

  it.each([
    ['本日', []],
    ['"différence pratique"', []],
    ['ελληνική -γλώσσα', []],
  ])('%j finds %j', (input, expected) => {
    expect(ids(input)).toEqual(expected);
  });
});
