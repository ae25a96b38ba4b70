import { sql } from '@vercel/postgres';
import { revalidatePath } from 'next/cache';
import { pool } from '@/lib/db';

type Props = {
  params: { region: string };
  searchParams: { sort?: string };
};

type Store = { id: number; name: string; revenue: string };

async function flagStore(formData: FormData) {
  'use server';
  const id = formData.get('id');
  await pool.query('UPDATE stores SET flagged = true WHERE id = ' + id); // expect: sql-injection
  revalidatePath('/reports');
}

export default async function RegionReport({ params, searchParams }: Props) {
  const sort = searchParams.sort ?? 'revenue';
  const { rows: stores } = await sql<Store>`SELECT id, name, revenue FROM stores WHERE region = ${params.region}`; // ok: sql-injection
  const { rows: ranked } = await pool.query<Store>(`SELECT id, name, revenue FROM stores WHERE region = '${params.region}' ORDER BY ${sort} DESC`); // expect: sql-injection
  const { rows: totals } = await pool.query('SELECT SUM(revenue) AS total FROM stores WHERE region = $1', [params.region]); // ok: sql-injection
  console.log(`rendering report for ${params.region}`); // ok: sql-injection

  return (
    <main>
      <h1>Region {params.region}</h1>
      <p>Total revenue: {totals[0]?.total ?? 0}</p>
      <ul>
        {ranked.map((s) => (
          <li key={s.id}>
            {s.name}: {s.revenue}
            <form action={flagStore}>
              <input type="hidden" name="id" value={s.id} />
              <button type="submit">Flag</button>
            </form>
          </li>
        ))}
      </ul>
      <small>{stores.length} stores</small>
    </main>
  );
}
