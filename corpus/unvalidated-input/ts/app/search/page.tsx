import { redirect } from 'next/navigation';
import DOMPurify from 'isomorphic-dompurify';
import { marked } from 'marked';
import escapeStringRegexp from 'escape-string-regexp';
import { searchArticles, type Article } from '@/lib/articles';

// The help-center search page (Next.js App Router server component).
type Props = { searchParams: Promise<{ q?: string; tag?: string; page?: string; from?: string }> };

const FOOTER_HTML = '<p class="muted">Can\'t find it? <a href="/contact">Contact us</a>.</p>';

export default async function SearchPage({ searchParams }: Props) {
  const { q = '', tag, page, from } = await searchParams;
  if (from && from.startsWith('http')) {
    redirect(from); // expect: open-redirect
  }
  if (!q) {
    redirect('/help'); // ok: open-redirect
  }
  const matcher = new RegExp(escapeStringRegexp(q), 'gi'); // ok: regex-injection
  const tagMatcher = tag ? new RegExp(`(^|,)${tag}(,|$)`) : null; // expect: regex-injection
  const results: Article[] = await searchArticles(q, Number(page ?? 1));
  const highlighted = results.map((a) => a.title.replace(matcher, (m) => `<mark>${m}</mark>`));

  return (
    <main>
      <h1 dangerouslySetInnerHTML={{ __html: `Results for ${q}` }} /> {/* // expect: xss */}
      <p dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(q) as string) }} /> {/* // ok: xss */}
      <ul>
        {results
          .filter((a) => !tagMatcher || tagMatcher.test(a.tags.join(',')))
          .map((a, i) => (
            <li key={a.id} dangerouslySetInnerHTML={{ __html: highlighted[i] }} /> // ok: xss
          ))}
      </ul>
      <footer dangerouslySetInnerHTML={{ __html: FOOTER_HTML }} /> {/* // ok: xss */}
    </main>
  );
}
