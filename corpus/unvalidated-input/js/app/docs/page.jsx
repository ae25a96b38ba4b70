import { redirect } from 'next/navigation';
import { renderMarkdown } from '../../lib/markdown';

// The docs landing page (Next.js App Router, JavaScript).
export default async function DocsPage({ searchParams }) {
  const { section, legacy } = await searchParams;
  if (legacy) {
    redirect(`https://old-docs.example.com/${legacy}`); // ok: open-redirect
  }
  if (section === 'api') {
    redirect('/docs/api'); // ok: open-redirect
  }
  const intro = await renderMarkdown('intro');
  return (
    <article>
      <h1 dangerouslySetInnerHTML={{ __html: `Docs: ${section ?? 'all'}` }} /> {/* // expect: xss */}
      <div dangerouslySetInnerHTML={{ __html: intro }} /> {/* // ok: xss */}
    </article>
  );
}
