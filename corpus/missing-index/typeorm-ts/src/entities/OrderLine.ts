import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Order } from "./Order";
import { Product } from "./Product";

// Table order_line; the join columns are orderId and productId.
@Entity()
@Index(["order", "product"])
export class OrderLine {
  @PrimaryGeneratedColumn()
  id!: number;

  @ManyToOne(() => Order, { onDelete: "CASCADE" })
  order!: Order;

  @Column()
  orderId!: string;

  @ManyToOne(() => Product)
  product!: Product;

  @Column()
  productId!: number;

  @Column({ type: "int" })
  quantity!: number;
}
