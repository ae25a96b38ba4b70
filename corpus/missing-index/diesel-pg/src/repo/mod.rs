pub mod accounts;
pub mod issues;
pub mod projects;
