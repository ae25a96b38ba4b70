pub mod db;
pub mod models;
pub mod repo;
pub mod reports;
pub mod schema;
