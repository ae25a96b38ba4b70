import { Role } from "@prisma/client";
import { prisma } from "../db";

export async function userByEmail(email: string) {
  return prisma.user.findUnique({ where: { email } }); // ok: missing-index
}

export async function userById(id: number) {
  return prisma.user.findUniqueOrThrow({ where: { id } }); // ok: missing-index
}

export async function usersByEmailPrefix(prefix: string) {
  // LIKE 'prefix%' can use the unique index on email.
  return prisma.user.findMany({ where: { email: { startsWith: prefix } }, take: 20 }); // ok: missing-index
}

export async function userByEmailAnyCase(email: string) {
  return prisma.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } } }); // expect: missing-index
}

export async function searchUsers(q: string) {
  return prisma.user.findMany({ // expect: missing-index
    where: { name: { contains: q } },
    take: 50,
  });
}

export async function staff(role: Role) {
  return prisma.user.findMany({ where: { role }, orderBy: { createdAt: "desc" } }); // expect: missing-index
}

export async function signupsSince(since: Date) {
  return prisma.user.count({ where: { createdAt: { gte: since } } }); // expect: missing-index
}

export async function newestUsers() {
  return prisma.user.findMany({ orderBy: { createdAt: "desc" }, take: 20 }); // expect: missing-index
}

export async function rename(email: string, name: string) {
  return prisma.user.update({ where: { email }, data: { name } }); // ok: missing-index
}

export async function removeUser(id: number) {
  await prisma.session.deleteMany({ where: { userId: id } }); // ok: missing-index
  return prisma.user.delete({ where: { id } }); // ok: missing-index
}
