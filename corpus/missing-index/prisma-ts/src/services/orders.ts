import { OrderStatus, PrismaClient } from "@prisma/client";

export class OrderService {
  constructor(private readonly prisma: PrismaClient) {}

  byReference(reference: string) {
    return this.prisma.order.findUnique({ where: { reference } }); // ok: missing-index
  }

  recentWithStatus(status: OrderStatus) {
    // status = ? ORDER BY placed_at: the (status, placed_at) index serves both.
    return this.prisma.order.findMany({ where: { status }, orderBy: { placedAt: "desc" }, take: 25 }); // ok: missing-index
  }

  openSince(since: Date) {
    return this.prisma.order.findMany({ // ok: missing-index
      where: { status: "PENDING", placedAt: { gte: since } },
    });
  }

  anyStatus(statuses: OrderStatus[]) {
    return this.prisma.order.count({ where: { status: { in: statuses } } }); // ok: missing-index
  }

  notCancelled() {
    // A negation reads most of the table whatever the indexes: no hint.
    return this.prisma.order.findMany({ where: { status: { not: "CANCELLED" } } }); // ok: missing-index
  }

  placedSince(since: Date) {
    // placed_at is only the second column of (status, placed_at).
    return this.prisma.order.findMany({ where: { placedAt: { gte: since } } }); // expect: missing-index
  }

  forCustomer(customerId: number) {
    return this.prisma.order.findMany({ where: { customerId }, orderBy: { placedAt: "desc" } }); // expect: missing-index
  }

  withCoupon(code: string) {
    return this.prisma.order.findMany({ where: { couponCode: code } }); // ok: missing-index
  }

  bigOrders(minCents: number) {
    return this.prisma.order.findMany({ where: { totalCents: { gte: minCents } } }); // expect: missing-index
  }

  revenueByStatus(since: Date) {
    return this.prisma.order.groupBy({ // expect: missing-index
      by: ["status"],
      where: { placedAt: { gte: since } },
      _sum: { totalCents: true },
    });
  }

  async cancelAllFor(customerId: number) {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.updateMany({ where: { customerId }, data: { status: "CANCELLED" } }); // expect: missing-index
      await tx.orderItem.deleteMany({ where: { order: { customerId } } });
    });
  }

  lines(orderId: number) {
    return this.prisma.orderItem.findMany({ where: { orderId } }); // ok: missing-index
  }

  linesOfProduct(productId: number) {
    // product_id is only the second column of (order_id, product_id).
    return this.prisma.orderItem.findMany({ where: { productId } }); // expect: missing-index
  }
}
