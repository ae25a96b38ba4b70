pub mod account;
pub mod api;
pub mod downloads;
pub mod filters;
pub mod integrations;
pub mod uploads;
pub mod views;
