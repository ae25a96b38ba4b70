import { prisma } from "../db";

export async function productBySku(sku: string) {
  return prisma.product.findUnique({ where: { sku } }); // ok: missing-index
}

export async function categoryBySlug(slug: string) {
  return prisma.category.findUnique({ where: { slug }, include: { products: true } }); // ok: missing-index
}

export async function productsInCategory(categoryId: number, maxCents: number) {
  return prisma.product.findMany({ // ok: missing-index
    where: { categoryId, priceCents: { lte: maxCents } },
    orderBy: [{ priceCents: "asc" }],
  });
}

export async function searchProducts(q: string) {
  return prisma.product.findMany({ where: { title: { contains: q, mode: "insensitive" } } }); // expect: missing-index
}

export async function productsByTitle(title: string) {
  return prisma.product.findFirst({ where: { title } }); // expect: missing-index
}

export async function cheapestFirst() {
  // price_cents is only the second column of (category_id, price_cents).
  return prisma.product.findMany({ orderBy: { priceCents: "asc" }, take: 10 }); // expect: missing-index
}

export async function activeSession(token: string) {
  return prisma.session.findUnique({ where: { token }, include: { user: true } }); // ok: missing-index
}

export async function purgeExpiredSessions(now: Date) {
  return prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }); // expect: missing-index
}
