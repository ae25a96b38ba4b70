import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { ILike, MoreThan, Repository } from "typeorm";
import { Customer } from "../entities/Customer";

@Injectable()
export class CustomersService {
  constructor(
    @InjectRepository(Customer)
    private readonly customers: Repository<Customer>,
  ) {}

  byEmail(email: string) {
    return this.customers.findOneBy({ email }); // ok: missing-index
  }

  byId(id: number) {
    return this.customers.findOne({ where: { id }, relations: { orders: true } }); // ok: missing-index
  }

  byExternalRef(ref: string) {
    return this.customers.findBy({ externalRef: ref }); // ok: missing-index
  }

  named(name: string) {
    return this.customers.find({ where: { name }, take: 50 }); // expect: missing-index
  }

  search(q: string) {
    return this.customers.find({ where: { name: ILike(`%${q}%`) }, take: 20 }); // expect: missing-index
  }

  newest() {
    return this.customers.find({ order: { createdAt: "DESC" }, take: 20 }); // expect: missing-index
  }

  signupsSince(since: Date) {
    return this.customers.count({ where: { createdAt: MoreThan(since) } }); // expect: missing-index
  }
}
