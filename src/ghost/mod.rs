//! Ghost's Content API, as rules that know nothing of HTTP: its filter language (`nql`,
//! parsed into an AST, then `filter` into the store's typed filters), its query parameters
//! (`params`), its ids (`ids`) and the shapes of its records (`records`). The web layer
//! (`web::ghost`) serves them under `/ghost/api/content/`.

pub mod filter;
pub mod ids;
pub mod nql;
pub mod params;
pub mod records;
