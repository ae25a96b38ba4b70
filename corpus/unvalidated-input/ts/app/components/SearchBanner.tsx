'use client';

import { useEffect, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import DOMPurify from 'dompurify';

// The banner above search results (client component).
export function SearchBanner({ html }: { html: string }) {
  const searchParams = useSearchParams();
  const query = searchParams.get('q') ?? '';
  const [hash, setHash] = useState('');

  useEffect(() => {
    setHash(window.location.hash.slice(1));
    const legacy = new URLSearchParams(window.location.search).get('legacy');
    if (legacy) {
      document.getElementById('legacy-note')!.innerHTML = `<b>${legacy}</b>`; // expect: xss
    }
    document.getElementById('hint')!.innerHTML = '<em>Tip: use quotes for exact matches</em>'; // ok: xss
  }, []);

  return (
    <section>
      <h2 dangerouslySetInnerHTML={{ __html: `You searched for ${query}` }} /> {/* // expect: xss */}
      <h3 dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(query) }} /> {/* // ok: xss */}
      <div dangerouslySetInnerHTML={{ __html: html }} /> {/* // ok: xss */}
      <p>{`Section: ${hash}`}</p>
    </section>
  );
}
