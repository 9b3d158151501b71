import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const markdown = new Marked({ gfm: true, breaks: false });

/** Where module images are served; the only image source content may use. */
export const MODULE_IMAGE_PATH = '/api/e-learning/images/';

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // Drop the text of a script or style too, not just its tags.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe'],
  transformTags: {
    // A section's own title is the page's h2 context, so authors' top headings step down.
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' },
    }),
  },
  // Images only from our own image store: the CSP would block others anyway, and this keeps
  // content from pinging outside servers.
  exclusiveFilter: (frame) =>
    frame.tag === 'img' && !(frame.attribs.src ?? '').startsWith(MODULE_IMAGE_PATH),
};

/** Renders an author's Markdown to HTML that is safe to insert into the page as is. */
export function renderModuleMarkdown(source: string): string {
  const html = markdown.parse(source, { async: false });
  return sanitizeHtml(html, SANITISE);
}
