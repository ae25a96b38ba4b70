import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";
import { BooksService } from "./books/books.service";

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: "mysql",
      host: process.env.DB_HOST ?? "localhost",
      port: 3306,
      username: process.env.DB_USER,
      password: process.env.DB_PASSWORD,
      database: "catalogue",
      synchronize: false,
    }),
  ],
  providers: [BooksService],
})
export class AppModule {}
