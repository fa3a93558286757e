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

export function Layout({ lang, title, switchHref, children }: LayoutProps) {
  const other: Language = lang === 'it' ? 'en' : 'it';
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · Percorso PMI`}</title>
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
