'use strict';

const mongoose = require('mongoose');

const listingSchema = new mongoose.Schema({
  title: String,
  host: String,
  nightlyRate: Number,
  minNights: Number,
  amenities: [String],
  availableFrom: Date,
});

const AMENITY_CHECKS = {
  wifi: "this.amenities.indexOf('wifi') >= 0",
  parking: "this.amenities.indexOf('parking') >= 0",
  pets: "this.amenities.indexOf('pets') >= 0",
};

// A predicate over one numeric field.
function rateBelow(limit) {
  return `this.nightlyRate < ${limit}`;
}

listingSchema.statics.byHost = function byHost(host) {
  return this.find().$where(`this.host === '${host}'`); // expect: nosql-injection
};

listingSchema.statics.budget = function budget() {
  return this.find({ $where: rateBelow(80) }); // ok: nosql-injection
};

listingSchema.statics.cheaperThan = function cheaperThan(limit) {
  return this.find({ $where: rateBelow(limit) }); // expect: nosql-injection
};

listingSchema.statics.withAmenity = function withAmenity(name) {
  return this.where({ minNights: { $lte: 7 } }).$where(AMENITY_CHECKS[name]); // ok: nosql-injection
};

listingSchema.statics.longStays = function longStays() {
  return this.$where('this.minNights >= 28').sort({ nightlyRate: 1 }); // ok: nosql-injection
};

listingSchema.statics.titled = function titled(title) {
  return this.find({ title, availableFrom: { $lte: new Date() } }); // ok: nosql-injection
};

listingSchema.statics.search = function search(query) {
  const clauses = [];
  if (query.maxNights) {
    clauses.push(`this.minNights <= ${Number(query.maxNights)}`);
  }
  if (query.keyword) {
    clauses.push(`this.title.indexOf('${query.keyword}') >= 0`);
  }
  const predicate = clauses.length ? clauses.join(' && ') : 'true';
  return this.find().$where(predicate).limit(50); // expect: nosql-injection
};

listingSchema.statics.countInRange = function countInRange(min, max) {
  return this.countDocuments({ $where: `this.nightlyRate >= ${Number(min)} && this.nightlyRate <= ${Number(max)}` }); // ok: nosql-injection
};

module.exports = mongoose.model('Listing', listingSchema);
