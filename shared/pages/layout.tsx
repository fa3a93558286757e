// The page frame shared by every public page: language attribute, switcher, inline stylesheet.
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { sitePath } from '#shared/http/routes.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { siteCss } from './style.ts';

export interface LayoutProps {
  readonly lang: Language;
  readonly title: string;
  /** Path and query of this page without `lang`, for the language switcher. */
  readonly switchHref?: string;
  readonly children: ComponentChildren;
}

function withLang(href: string, lang: Language): string {
  const url = new URL(href, 'http://x');
  url.searchParams.set('lang', lang);
  return sitePath(`${url.pathname}${url.search}`);
}

/** A blue rounded square with a white "P": the product's mark, as a data URI. */
const favicon = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">P</text></svg>',
)}`;

export function Layout({ lang, title, switchHref, children }: LayoutProps) {
  const other: Language = lang === 'it' ? 'en' : 'it';
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · Percorso PMI`}</title>
        {/* The site's icon inline (img-src allows data:), so no page asks for a /favicon.ico that is not there. */}
        <link rel="icon" type="image/svg+xml" href={favicon} />
        <style dangerouslySetInnerHTML={{ __html: siteCss }} />
      </head>
      <body>
        <header class="site">
          <a class="brand" href={withLang('/', lang)}>
            Percorso PMI
          </a>
          {switchHref ? (
            <a href={withLang(switchHref, other)} hrefLang={other} lang={other}>
              {t(lang, 'page.switchLanguage')}
            </a>
          ) : null}
        </header>
        <main id="main">{children}</main>
        <footer class="site">{t(lang, 'page.footer')}</footer>
      </body>
    </html>
  );
}

/** Renders a page component to a complete HTML document. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
