import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Customer } from "./Customer";

@Entity({ name: "orders" })
@Index(["status", "placedAt"])
@Unique("uq_orders_reference", ["reference"])
export class Order {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ length: 32 })
  reference!: string;

  @Column()
  status!: string;

  @Column({ name: "placed_at", type: "timestamptz" })
  placedAt!: Date;

  @Column({ name: "total_cents", type: "int" })
  totalCents!: number;

  @Index("idx_orders_coupon")
  @Column("varchar", { name: "coupon_code", nullable: true })
  couponCode!: string | null;

  @ManyToOne(() => Customer, (customer) => customer.orders)
  @JoinColumn({ name: "customer_id" })
  customer!: Customer;

  @Column({ name: "customer_id" })
  customerId!: number;
}
