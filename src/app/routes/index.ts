/**
 * Every page of the app, one route module each. The router, the prerenderer, the sitemap, the
 * <head> and hydration all read this list: a new page is a module in this folder and a line here.
 * The order is the sitemap's (and the prerenderer's): index pages, then one page per thing.
 */
import type { PageRoute } from '../page-route';
import { conferenceRoute } from './conference';
import { homeRoute } from './home';
import { linksRoute } from './links';
import { notFoundRoute } from './not-found';
import { searchRoute } from './search';
import { speakerRoute } from './speaker';
import { speakersRoute } from './speakers';
import { tagRoute } from './tag';
import { tagsRoute } from './tags';
import { talkRoute } from './talk';

export const pages: readonly PageRoute[] = [
  homeRoute,
  tagsRoute,
  speakersRoute,
  linksRoute,
  conferenceRoute,
  talkRoute,
  tagRoute,
  speakerRoute,
  searchRoute,
  notFoundRoute,
];
