//! `dossier serve`: the index over HTTP, for the researcher's browser and for pipelines. One
//! binary, loopback by default, read-only: no endpoint writes to the index. The index's
//! reader reloads when another `dossier index` commits, so new articles show without a
//! restart.

mod api;
mod cache;
mod pages;
mod params;
mod profile;
mod stream;
mod timeline;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::{get, post};

use crate::error::Error;
use crate::index::Index;
use crate::tagger::Tagger;

/// What every request reads: the index, and the tagger for `/api/tag`.
pub(crate) struct Shared {
    index: Index,
    tagger: Tagger,
    /// `/api/search` answers kept for the index's current commit.
    answers: cache::AnswerCache,
}

/// The routes.
fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(pages::search_page))
        .route("/search", get(pages::search_page))
        .route("/facts", get(pages::facts_page))
        .route("/articles/{id}", get(pages::article_page))
        .route("/entities/{dimension}/{*name}", get(pages::entity_page))
        .route("/assets/dossier.css", get(pages::stylesheet))
        .route("/assets/dossier.js", get(pages::script))
        .route("/api/health", get(api::health))
        .route("/api/search", get(api::search))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/facts", get(api::facts))
        .route("/api/facts/groups", get(api::fact_groups))
        .route("/api/entities/{dimension}/{*name}", get(api::entity))
        .route(
            "/api/tag",
            post(api::tag).layer(DefaultBodyLimit::max(api::TAG_LIMIT)),
        )
        .layer(axum::middleware::map_response(security_headers))
        .with_state(shared)
}

/// What a browser may do with a page: scripts, styles and images only from this server (no
/// inline script, so markup that slipped into an article could not run), no framing, no
/// forms posting elsewhere, no guessing of content types.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
    style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; \
    base-uri 'none'; frame-ancestors 'none'";

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let set = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    for (name, value) in set {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// Serves `index` on `addr` until Ctrl-C, calling `ready` with the address bound (the port
/// the system chose, for port 0).
pub fn serve(
    index: Index,
    tagger: Tagger,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), Error> {
    let io = |what: &str| {
        let what = what.to_string();
        move |source| Error::Io {
            context: what,
            source,
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(io("starting the server's runtime"))?;
    let shared = Arc::new(Shared {
        index,
        tagger,
        answers: cache::AnswerCache::default(),
    });
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(io(&format!("{addr}: cannot listen")))?;
        ready(
            listener
                .local_addr()
                .map_err(io("reading the bound address"))?,
        );
        axum::serve(listener, router(shared))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(io("serving"))
    })
}
