import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { Booking, BookingDocument } from './booking.schema';

const STATUSES: readonly string[] = ['pending', 'confirmed', 'cancelled'];
const OVERLAP = 'this.checkIn < this.previousCheckOut';
const WINDOWS = { week: 7, month: 30, quarter: 90 } as const;

@Injectable()
export class BookingsService {
  constructor(@InjectModel(Booking.name) private readonly bookings: Model<BookingDocument>) {}

  // Bookings for which a JavaScript predicate holds.
  private matching(predicate: string): Promise<BookingDocument[]> {
    return this.bookings.find({ $where: predicate }).lean<BookingDocument[]>().exec(); // ok: nosql-injection
  }

  byGuest(guestId: string): Promise<BookingDocument[]> {
    const filter: FilterQuery<BookingDocument> = { guestId, status: { $ne: 'cancelled' } };
    return this.bookings.find(filter).exec(); // ok: nosql-injection
  }

  byStatus(status: string): Promise<BookingDocument[]> {
    if (!STATUSES.includes(status)) throw new BadRequestException(`unknown status ${status}`);
    return this.matching(`this.status === '${status}'`); // ok: nosql-injection
  }

  byNote(text: string): Promise<BookingDocument[]> {
    return this.matching(`this.notes && this.notes.indexOf('${text}') !== -1`); // expect: nosql-injection
  }

  overlapping(): Promise<BookingDocument[]> {
    return this.matching(OVERLAP); // ok: nosql-injection
  }

  longerThan(nights: string): Promise<BookingDocument[]> {
    const predicate = `(this.checkOut - this.checkIn) / 86400000 > ${nights}`;
    return this.bookings.find({ $where: predicate }).exec(); // expect: nosql-injection
  }

  async recentCount(window: keyof typeof WINDOWS): Promise<number> {
    const days = WINDOWS[window];
    return this.bookings.countDocuments({
      $where: `Date.now() - this.createdAt.getTime() < ${days} * 86400000`, // ok: nosql-injection
    });
  }

  async forListing(listingId: string, extra?: string): Promise<BookingDocument[]> {
    let predicate = 'this.status !== "cancelled"';
    if (extra) {
      predicate = predicate + ' && (' + extra + ')';
    }
    return this.bookings.find({ listingId }).$where(predicate).exec(); // expect: nosql-injection
  }

  async withGuests(min: number): Promise<BookingDocument[]> {
    let predicate = `this.guests.length >= ${min}`;
    // Party size is validated on the listing now; any booking has a guest.
    predicate = 'this.guests.length >= 1';
    return this.bookings.find().$where(predicate).exec(); // ok: nosql-injection
  }
}
