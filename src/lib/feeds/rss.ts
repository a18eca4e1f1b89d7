import { toRfc822 } from './dates.ts';
import type { FeedChannel, FeedItem } from './types.ts';
import { validateFeed } from './validate.ts';
import { escapeHtml } from '../html/entities.ts';
import { cdata, escapeXml } from './xml.ts';

export const RSS_NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
} as const;

function element(name: string, text: string, indent: string): string {
  return `${indent}<${name}>${escapeXml(text)}</${name}>`;
}

function itemXml(item: FeedItem): string {
  const i = '      ';
  const lines = [
    '    <item>',
    element('title', item.title, i),
    element('link', item.link, i),
    `${i}<guid isPermaLink="${item.guidIsPermaLink === false ? 'false' : 'true'}">${escapeXml(item.guid)}</guid>`,
    element('pubDate', toRfc822(item.pubDate), i),
    element('description', escapeHtml(item.description), i),
  ];
  for (const category of item.categories ?? []) lines.push(element('category', category, i));
  if (item.contentHtml !== undefined) lines.push(`${i}<content:encoded>${cdata(item.contentHtml)}</content:encoded>`);
  lines.push('    </item>');
  return lines.join('\n');
}

/**
 * An RSS 2.0 document with the `content` and `atom` namespaces. Items are written in the order given (newest first
 * is the convention). Throws on relative URLs, invalid dates, a bad ttl or duplicate guids, so a broken feed never
 * ships.
 */
export function buildRss(channel: FeedChannel, items: readonly FeedItem[]): string {
  validateFeed(channel, items);
  const c = '    ';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0" xmlns:atom="${RSS_NAMESPACES.atom}" xmlns:content="${RSS_NAMESPACES.content}">`,
    '  <channel>',
    element('title', channel.title, c),
    element('link', channel.link, c),
    element('description', channel.description, c),
    element('language', channel.language, c),
    `${c}<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    element('lastBuildDate', toRfc822(channel.lastBuildDate), c),
    element('docs', 'https://www.rssboard.org/rss-specification', c),
  ];
  if (channel.generator !== undefined) lines.push(element('generator', channel.generator, c));
  if (channel.copyright !== undefined) lines.push(element('copyright', channel.copyright, c));
  if (channel.ttl !== undefined) lines.push(element('ttl', String(channel.ttl), c));
  if (channel.image) {
    const img = channel.image;
    const ii = `${c}  `;
    lines.push(`${c}<image>`);
    lines.push(element('url', img.url, ii));
    lines.push(element('title', img.title ?? channel.title, ii));
    lines.push(element('link', img.link ?? channel.link, ii));
    if (img.width !== undefined) lines.push(element('width', String(img.width), ii));
    if (img.height !== undefined) lines.push(element('height', String(img.height), ii));
    lines.push(`${c}</image>`);
  }
  for (const item of items) lines.push(itemXml(item));
  lines.push('  </channel>', '</rss>', '');
  return lines.join('\n');
}
