import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { EntityManager, LessThan, Like, Repository } from "typeorm";
import { Product } from "../entities/Product";

@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(Product) private readonly productRepository: Repository<Product>,
    private readonly manager: EntityManager,
  ) {}

  bySku(sku: string) {
    return this.productRepository.findOneBy({ sku }); // ok: missing-index
  }

  inCategoryUnder(categorySlug: string, maxCents: number) {
    return this.productRepository.find({ // ok: missing-index
      where: { categorySlug, priceCents: LessThan(maxCents) },
      order: { priceCents: "ASC" },
    });
  }

  inCategory(categorySlug: string) {
    return this.manager.find(Product, { where: { categorySlug } }); // ok: missing-index
  }

  byTitle(title: string) {
    return this.manager.findOneBy(Product, { title }); // expect: missing-index
  }

  titleContains(q: string) {
    return this.productRepository.find({ where: { title: Like("%" + q + "%") } }); // expect: missing-index
  }

  titleStartsWith(prefix: string) {
    return this.productRepository.find({ where: { title: Like(`${prefix}%`) }, take: 20 }); // expect: missing-index
  }

  cheapest() {
    // price_cents is only the second column of (category_slug, price_cents).
    return this.productRepository.find({ order: { priceCents: "ASC" }, take: 10 }); // expect: missing-index
  }
}
