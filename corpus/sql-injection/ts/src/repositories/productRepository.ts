import type { Knex } from 'knex';
import type { PoolClient } from 'pg';

export type SortDir = 'asc' | 'desc';

export interface Product {
  id: number;
  sku: string;
  name: string;
  price: string;
}

export class ProductRepository {
  constructor(private readonly knex: Knex) {}

  list(category: string, sort: string, dir: SortDir): Knex.QueryBuilder<Product> {
    return this.knex<Product>('products')
      .where({ category })
      .orderByRaw(`${sort} ${dir}`); // expect: sql-injection
  }

  search(term: string): Knex.QueryBuilder<Product> {
    return this.knex<Product>('products').whereRaw('name ILIKE ?', [`%${term}%`]); // ok: sql-injection
  }

  priceAbove(min: string): Knex.QueryBuilder<Product> {
    return this.knex<Product>('products').whereRaw('price > ' + min); // expect: sql-injection
  }

  cheapest(): Knex.QueryBuilder<Product> {
    return this.knex<Product>('products').orderByRaw('price ASC NULLS LAST').limit(10); // ok: sql-injection
  }

  stockReport(): Knex.Raw {
    return this.knex.raw(`SELECT sku, SUM(qty) AS qty FROM stock GROUP BY sku`); // ok: sql-injection
  }

  adjustStock(sku: string, delta: number): Knex.Raw {
    return this.knex.raw(`UPDATE stock SET qty = qty + ${delta} WHERE sku = '${sku}'`); // expect: sql-injection
  }

  restock(sku: string, qty: number): Knex.Raw {
    return this.knex.raw('UPDATE stock SET qty = qty + :qty WHERE sku = :sku', { qty, sku }); // ok: sql-injection
  }
}

export async function lockProduct(client: PoolClient, id: number): Promise<void> {
  await client.query('SELECT id FROM products WHERE id = $1 FOR UPDATE', [id]); // ok: sql-injection
}

export async function renameProduct(client: PoolClient, id: number, name: string): Promise<void> {
  await client.query(`UPDATE products SET name = '${name}' WHERE id = ${id}`); // expect: sql-injection
}

export async function discontinue(client: PoolClient, skus: string[]): Promise<void> {
  const where = skus.map((s) => `'${s}'`).join(', ');
  await client.query('UPDATE products SET discontinued = true WHERE sku IN (' + where + ')'); // expect: sql-injection
  console.info(`discontinued ${skus.length} products`); // ok: sql-injection
}

export async function removeProduct(client: PoolClient, sku: string): Promise<void> {
  const text = 'DELETE FROM products WHERE sku = ' + `'${sku}'`;
  await client.query(text); // expect: sql-injection
}
