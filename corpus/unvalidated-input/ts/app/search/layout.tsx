import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';

// Layout for the search section: locale and the sign-in bounce (Next.js server component).
const LOCALES = ['en', 'de'];

export default async function SearchLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  const session = (await cookies()).get('session');
  if (!session) {
    redirect(`/login?from=${encodeURIComponent(requestHeaders.get('x-pathname') ?? '/search')}`); // ok: open-redirect
  }
  const back = requestHeaders.get('referer');
  if (back && session.value === 'expired') {
    redirect(back); // expect: open-redirect
  }
  const lang = (await cookies()).get('lang')?.value ?? 'en';
  const locale = LOCALES.includes(lang) ? lang : 'en';
  return (
    <div lang={locale}>
      <p dangerouslySetInnerHTML={{ __html: `Signed in as <b>${session.value}</b>` }} /> {/* // expect: xss */}
      {children}
    </div>
  );
}
