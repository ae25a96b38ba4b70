import { NextRequest, NextResponse } from 'next/server';
import clientPromise from '@/lib/mongodb';

type Review = {
  productId: string;
  author: string;
  rating: number;
  body: string;
  helpful: number;
};

const SORTS: Record<string, string> = {
  helpful: 'this.helpful > 10',
  critical: 'this.rating <= 2',
  glowing: 'this.rating === 5',
};

// The predicate for reviews by one author.
const byAuthor = (author: string): string => `this.author === '${author}'`;

async function reviews() {
  const client = await clientPromise;
  return client.db('shop').collection<Review>('reviews');
}

export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const collection = await reviews();

  const productId = params.get('product') ?? '';
  const author = params.get('author');
  const preset = params.get('preset') ?? 'helpful';
  const minRating = Number(params.get('minRating') ?? '0');

  const listed = await collection.find({ productId, rating: { $gte: minRating } }).limit(20).toArray(); // ok: nosql-injection
  const featured = await collection.find({ productId, $where: SORTS[preset] }).limit(5).toArray(); // ok: nosql-injection
  const mine = author
    ? await collection.find({ $where: byAuthor(author) }).toArray() // expect: nosql-injection
    : [];
  const staff = await collection.find({ $where: byAuthor('staff') }).toArray(); // ok: nosql-injection
  const lengthy = await collection
    .find({ productId, $where: `this.body.length > ${minRating * 100}` }) // ok: nosql-injection
    .toArray();

  return NextResponse.json({ listed, featured, mine, staff, lengthy });
}

export async function DELETE(request: NextRequest) {
  const { productId, keyword } = (await request.json()) as { productId: string; keyword: string };  // expect: unvalidated-body
  const collection = await reviews();
  const filter = {
    productId,
    $where: "this.body.toLowerCase().indexOf('" + keyword.toLowerCase() + "') >= 0", // expect: nosql-injection
  };
  const { deletedCount } = await collection.deleteMany(filter);
  return NextResponse.json({ deletedCount });
}

export async function PATCH(request: NextRequest) {
  const { productId, threshold } = (await request.json()) as { productId: string; threshold: string };  // expect: unvalidated-body
  const collection = await reviews();
  const predicate = `this.helpful < ${threshold}`;
  const condition = predicate;
  const { modifiedCount } = await collection.updateMany(
    { productId, $where: condition }, // expect: nosql-injection
    { $set: { hidden: true } },
  );
  return NextResponse.json({ modifiedCount });
}
