import { Column, Entity, Index, PrimaryColumn } from "typeorm";

@Entity("products")
@Index("idx_products_category_price", ["categorySlug", "priceCents"])
export class Product {
  @PrimaryColumn()
  sku!: string;

  @Column()
  title!: string;

  @Column({ name: "category_slug" })
  categorySlug!: string;

  @Column({ name: "price_cents", type: "int" })
  priceCents!: number;

  @Column({ default: true })
  active!: boolean;
}
