//! The JSON API. Each answer is what the command line prints for the same options: the
//! handlers call the same library functions and the same serializers.

use std::sync::Arc;

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Path, RawQuery, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::params::Params;
use super::{Shared, profile, stream};
use crate::error::Error;
use crate::ingest::article_from_json_line;
use crate::sink::jsonl;
use crate::sink::search::results_json;
use crate::sink::table::{FactOutput, FactRow, Format};

/// An error as the API answers it: a status and `{"error": kind, "detail": message}`.
pub(crate) struct ApiError {
    status: StatusCode,
    kind: &'static str,
    detail: String,
}

impl ApiError {
    fn new(status: StatusCode, kind: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError {
            status,
            kind,
            detail: detail.into(),
        }
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        let (status, kind) = match &error {
            Error::Query { .. } => (StatusCode::BAD_REQUEST, "query"),
            Error::Request(_) | Error::BadRecord { .. } => (StatusCode::BAD_REQUEST, "request"),
            Error::IndexMissing { .. } | Error::IndexForeign { .. } | Error::IndexFormat { .. } => {
                (StatusCode::SERVICE_UNAVAILABLE, "index")
            }
            _ => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        };
        ApiError::new(status, kind, error.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": self.kind, "detail": self.detail});
        (self.status, Json(body)).into_response()
    }
}

/// Runs `work` on the blocking pool: searching and tagging are CPU work that would stall the
/// connections the runtime's threads serve.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|e| {
        Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("the request's work failed: {e}"),
        ))
    })
}

/// `GET /api/health`: 200 with the article count once the index is open.
pub(crate) async fn health(State(shared): State<Arc<Shared>>) -> Result<Response, ApiError> {
    blocking(move || {
        let articles = shared.index.article_count()?;
        Ok(Json(json!({"status": "ok", "articles": articles})).into_response())
    })
    .await
}

/// `GET /api/search`: the `dossier search --json` object for the same options.
pub(crate) async fn search(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    blocking(move || {
        let raw = query.unwrap_or_default();
        let generation = shared.index.generation()?;
        let answer = match shared.answers.get(generation, &raw) {
            Some(kept) => kept,
            None => {
                let request = Params::parse(Some(&raw)).search()?;
                let results = shared.index.search(&request)?;
                let answer = Bytes::from(results_json(&results));
                shared.answers.put(generation, &raw, answer.clone());
                answer
            }
        };
        Ok((
            [(header::CONTENT_TYPE, "application/json")],
            Body::from(answer),
        )
            .into_response())
    })
    .await
}

/// `GET /api/articles/{id}`: the article with its entities and facts, as `dossier tag`
/// writes it.
pub(crate) async fn article(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    blocking(move || match shared.index.article(&id)? {
        Some(tagged) => Ok(json_bytes(jsonl::encode(&tagged))),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no article with id '{id}' in the index"),
        )),
    })
    .await
}

/// `GET /api/facts`: the fact table of the articles a search matches, in `format`, the same
/// bytes as `dossier facts --index DIR` with the same options.
pub(crate) async fn facts(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    fact_table(shared, query, false).await
}

/// `GET /api/facts/groups`: the same, merged into claims (`--group`).
pub(crate) async fn fact_groups(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    fact_table(shared, query, true).await
}

/// Streams the fact table: rows are written as the articles are read, so memory stays flat
/// whatever the index holds (claims are grouped once every row is in). An error before the
/// first byte (a bad query) is an error status; one after it cuts the response short.
async fn fact_table(
    shared: Arc<Shared>,
    query: Option<String>,
    group: bool,
) -> Result<Response, ApiError> {
    let params = Params::parse(query.as_deref());
    let (request, filter, format) = (
        params.fact_articles()?,
        params.fact_filter()?,
        params.format()?,
    );
    let (writer, chunks) = stream::channel();
    let work = tokio::task::spawn_blocking(move || -> Result<(), Error> {
        let errors = writer.errors();
        let mut output = FactOutput::new(group, format, writer);
        let written = shared.index.each_match(&request, |tagged| {
            for row in FactRow::all(&tagged)
                .into_iter()
                .filter(|r| filter.keeps(r))
            {
                output.write(row)?;
            }
            Ok(())
        });
        let result = written.and_then(|_| output.finish()).and_then(|writer| {
            writer.finish().map_err(|e| Error::Io {
                context: "sending the fact table".into(),
                source: e,
            })
        });
        if let Err(error) = &result {
            errors.send(error);
        }
        result
    });
    if chunks.started.await.is_err() {
        // The writer ended before its first chunk: that is an error, or nothing at all.
        return match work.await {
            Ok(Err(error)) => Err(error.into()),
            Ok(Ok(())) => Ok(StatusCode::NO_CONTENT.into_response()),
            Err(e) => Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                format!("the fact table could not be made: {e}"),
            )),
        };
    }
    let kind = match format {
        Format::Csv => "text/csv; charset=utf-8",
        Format::Jsonl => "application/x-ndjson",
        Format::Md => "text/markdown; charset=utf-8",
    };
    Ok((
        [(header::CONTENT_TYPE, kind)],
        Body::from_stream(chunks.receiver),
    )
        .into_response())
}

/// `GET /api/entities/{dimension}/{name}`: the entity's articles by month, the entities it
/// appears with, the facts about it and its latest articles.
pub(crate) async fn entity(
    State(shared): State<Arc<Shared>>,
    Path((dimension, name)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    blocking(
        move || match profile::profile(&shared.index, &dimension, &name)? {
            Some(profile) => Ok(Json(profile::to_json(&profile)).into_response()),
            None => Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "not_found",
                format!("no {dimension} named '{name}' is in the index"),
            )),
        },
    )
    .await
}

/// The largest body `POST /api/tag` takes.
pub(crate) const TAG_LIMIT: usize = 16 << 20;

/// `POST /api/tag`: one JSON article or JSONL, tagged in input order, as `dossier tag`
/// writes it; a line that is not an article gives `{"line": n, "error": ...}` in its place.
/// Nothing is stored.
pub(crate) async fn tag(
    State(shared): State<Arc<Shared>>,
    request: Request,
) -> Result<Response, ApiError> {
    let body = tag_body(request).await?;
    blocking(move || {
        let mut out = Vec::new();
        // One article written over several lines (pretty-printed JSON) is one article.
        if let Ok(article) = article_from_json_line(&body) {
            out.extend(jsonl::encode(&shared.tagger.annotate(article)));
            return Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], out).into_response());
        }
        for (n, line) in body.split(|&b| b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match article_from_json_line(line) {
                Ok(article) => out.extend(jsonl::encode(&shared.tagger.annotate(article))),
                Err(error) => {
                    let reason = match error {
                        Error::BadRecord { reason, .. } => reason,
                        other => other.to_string(),
                    };
                    let problem = json!({"line": n + 1, "error": reason});
                    out.extend(problem.to_string().into_bytes());
                    out.push(b'\n');
                }
            }
        }
        Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], out).into_response())
    })
    .await
}

/// The body of `POST /api/tag`, at most [`TAG_LIMIT`] bytes. A declared length over the
/// limit is refused before a byte is read, so the client hears 413 instead of a connection
/// reset midway through its upload; a body without a length is cut off at the limit.
async fn tag_body(request: Request) -> Result<Bytes, ApiError> {
    let too_big = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "request",
            format!(
                "the body is over the {} MB /api/tag takes: send it in parts",
                TAG_LIMIT >> 20
            ),
        )
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > TAG_LIMIT as u64) {
        return Err(too_big());
    }
    Bytes::from_request(request, &())
        .await
        .map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_big()
            } else {
                ApiError::new(rejection.status(), "request", rejection.body_text())
            }
        })
}

/// A JSON line (its newline dropped) as a response.
fn json_bytes(mut line: Vec<u8>) -> Response {
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    (
        [(header::CONTENT_TYPE, "application/json")],
        Body::from(line),
    )
        .into_response()
}
