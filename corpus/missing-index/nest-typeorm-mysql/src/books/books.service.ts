import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";

export interface BookRow {
  id: number;
  title: string;
}

@Injectable()
export class BooksService {
  constructor(private readonly dataSource: DataSource) {}

  byAuthor(authorId: number): Promise<BookRow[]> {
    // InnoDB indexes every foreign key: served.
    return this.dataSource.query("SELECT id, title FROM books WHERE author_id = ?", [authorId]); // ok: missing-index
  }

  byIsbn(isbn: string): Promise<BookRow[]> {
    return this.dataSource.query("SELECT id, title FROM books WHERE isbn = ?", [isbn]); // ok: missing-index
  }

  byTitle(title: string): Promise<BookRow[]> {
    return this.dataSource.query("SELECT id, title FROM books WHERE title = ?", [title]); // expect: missing-index
  }

  publishedSince(since: string): Promise<BookRow[]> {
    return this.dataSource.query( // expect: missing-index
      "SELECT id, title FROM books WHERE published_on >= ? ORDER BY published_on",
      [since],
    );
  }
}
