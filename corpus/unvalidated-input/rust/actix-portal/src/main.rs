use actix_files::Files;
use actix_web::{middleware::Logger, web, App, HttpServer};

mod handlers;
mod state;

use handlers::{account, api, downloads, filters, integrations, views};

const ASSETS_DIR: &str = "./assets";

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    env_logger::init_from_env(env_logger::Env::new().default_filter_or("info"));
    let state = web::Data::new(state::Portal::connect().await.expect("database"));
    let http = web::Data::new(reqwest::Client::new());

    HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(http.clone())
            .wrap(Logger::default())
            .service(Files::new("/assets", ASSETS_DIR))
            .service(downloads::scope())
            .service(account::scope())
            .service(integrations::scope())
            .service(views::scope())
            .service(filters::scope())
            .service(api::scope())
    })
    .bind(("0.0.0.0", 8080))?
    .run()
    .await
}
