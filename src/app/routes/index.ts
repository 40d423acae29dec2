/** Every page, one route module each: a new page is a module here and a line in this list. Its
 * order is the sitemap's: the index pages, then one page per thing in the notes. */
import type { PageRoute } from '../page-route';
import { conferenceRoute } from './conference';
import { conferencesRoute } from './conferences';
import { homeRoute } from './home';
import { linksRoute } from './links';
import { notFoundRoute } from './not-found';
import { searchRoute } from './search';
import { speakerRoute } from './speaker';
import { speakersPageRoute, speakersRoute } from './speakers';
import { starredRoute } from './starred';
import { tagRoute } from './tag';
import { tagsRoute } from './tags';
import { talkRoute } from './talk';

export const pages: readonly PageRoute[] = [
  homeRoute,
  tagsRoute,
  speakersRoute,
  speakersPageRoute,
  conferencesRoute,
  linksRoute,
  conferenceRoute,
  talkRoute,
  tagRoute,
  speakerRoute,
  searchRoute,
  starredRoute,
  notFoundRoute,
];
