import { DataSource } from "typeorm";
import { Customer } from "./entities/Customer";
import { Order } from "./entities/Order";
import { OrderLine } from "./entities/OrderLine";
import { Product } from "./entities/Product";

export const dataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [Customer, Order, OrderLine, Product],
  synchronize: true,
});
