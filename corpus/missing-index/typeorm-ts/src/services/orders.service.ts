import { Between, In, MoreThanOrEqual, Not } from "typeorm";
import { dataSource } from "../data-source";
import { Order } from "../entities/Order";
import { OrderLine } from "../entities/OrderLine";

const orders = dataSource.getRepository(Order);

export function byReference(reference: string) {
  return orders.findOneBy({ reference }); // ok: missing-index
}

export function recentWithStatus(status: string) {
  // status = ? ORDER BY placed_at: the (status, placed_at) index serves both.
  return orders.find({ where: { status }, order: { placedAt: "DESC" }, take: 50 }); // ok: missing-index
}

export function withStatuses(statuses: string[]) {
  return orders.findBy({ status: In(statuses) }); // ok: missing-index
}

export function notCancelled() {
  // A negation reads most of the table whatever the indexes: no hint.
  return orders.findBy({ status: Not("cancelled") }); // ok: missing-index
}

export function withCoupon(code: string) {
  return orders.findOneBy({ couponCode: code }); // ok: missing-index
}

export function placedBetween(from: Date, to: Date) {
  // placed_at is only the second column of (status, placed_at).
  return orders.find({ where: { placedAt: Between(from, to) } }); // expect: missing-index
}

export function forCustomer(customerId: number) {
  return orders.find({ where: { customerId }, order: { placedAt: "DESC" } }); // expect: missing-index
}

export function bigOrderCount(minCents: number) {
  return orders.count({ where: { totalCents: MoreThanOrEqual(minCents) } }); // expect: missing-index
}

export function linesOf(orderId: string) {
  return dataSource.getRepository(OrderLine).findBy({ orderId }); // ok: missing-index
}

export function linesOfProduct(productId: number) {
  // productId is only the second column of (orderId, productId).
  return dataSource.getRepository(OrderLine).find({ where: { productId } }); // expect: missing-index
}

export async function bulkLines(minimum: number) {
  return dataSource.manager.find(OrderLine, { where: { quantity: MoreThanOrEqual(minimum) } }); // expect: missing-index
}
