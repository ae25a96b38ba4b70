import { DataSource } from 'typeorm';
import { User } from './user.entity';

export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  byEmail(email: string) {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .where('user.email = :email', { email }) // ok: sql-injection
      .getOne();
  }

  byName(name: string) {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .where(`user.name = '${name}'`) // expect: sql-injection
      .getMany();
  }

  activeSince(days: number, role: string) {
    const since = `user.lastLogin > now() - interval '${days} days'`;
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .where(since) // expect: sql-injection
      .andWhere('user.role = :role', { role }) // ok: sql-injection
      .getMany();
  }

  sortedBy(column: 'name' | 'email') {
    const key = `user.${column}`;
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .orderBy(key)
      .where('user.deleted = false') // ok: sql-injection
      .getMany();
  }
}
