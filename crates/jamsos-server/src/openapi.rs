//! `GET /openapi.json`: the OpenAPI 3.1 description of the service.
//!
//! It reuses the contract's JSON Schema (docs/contract-v1.schema.json, built
//! in): every `$defs` entry becomes a component schema of the same name and
//! its references `#/$defs/x` become `#/components/schemas/x`, so tools that
//! resolve plain JSON pointers read it as well as those that know `$id`. The
//! command endpoints are listed from `Command::ALL`, like the routes.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use jamsos_contract::Command;
use serde_json::{Map, Value, json};

use crate::App;

/// The contract's JSON Schema, as written in docs/.
const CONTRACT_SCHEMA: &str = include_str!("../../../docs/contract-v1.schema.json");

/// `#/$defs/x` → `#/components/schemas/x`, throughout.
fn rewrite_refs(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "$ref" {
                    if let Value::String(s) = v {
                        if let Some(name) = s.strip_prefix("#/$defs/") {
                            *s = format!("#/components/schemas/{name}");
                        }
                    }
                } else {
                    rewrite_refs(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}

fn schema_ref(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

/// The HTTP-level errors a path can answer.
fn http_errors(statuses: &[&str]) -> Map<String, Value> {
    statuses
        .iter()
        .map(|status| {
            let description = match *status {
                "400" => "Malformed request: a bad query, a body that ended early.",
                "404" => "No such path.",
                "405" => "The path does not take this method.",
                "408" => "The request was not complete in time.",
                "413" => "The body is larger than the limit (1 MiB by default).",
                "415" => "The body's content type is not the one this endpoint takes.",
                _ => "Too many requests at once; retry later.",
            };
            (
                (*status).to_owned(),
                json!({
                    "description": description,
                    "content": {"application/json": {"schema": schema_ref("http_error")}},
                }),
            )
        })
        .collect()
}

fn command_path(command: Command, defs: &Map<String, Value>) -> Value {
    let name = command.name();
    let result = format!("{name}_result");
    let result_schema = if defs.contains_key(&result) {
        schema_ref(&result)
    } else {
        json!({"type": "object"})
    };
    let mut responses = Map::new();
    responses.insert(
        "200".into(),
        json!({
            "description": format!("The result, exactly as `jamsos {name}` prints it (with a newline)."),
            "content": {"application/json": {"schema": result_schema}},
        }),
    );
    responses.insert(
        "422".into(),
        json!({
            "description": "Invalid input: the contract's error document (docs/ERRORS.md), as `jamsos` prints it with exit code 2.",
            "content": {"application/json": {"schema": schema_ref("error_document")}},
        }),
    );
    responses.extend(http_errors(&["400", "405", "408", "413", "415", "503"]));
    json!({
        "post": {
            "operationId": name,
            "summary": format!("jamsos {name}: one document in, the command line's answer out"),
            "description": format!("The input document of `jamsos {name}` (docs/CONTRACT.md); the answer has exactly the bytes the command line prints."),
            "requestBody": {
                "required": true,
                "content": {"application/json": {"schema": {
                    "type": "object",
                    "description": format!("The input of `jamsos {name}`: see docs/CONTRACT.md."),
                }}},
            },
            "responses": responses,
        }
    })
}

/// The whole document.
pub(crate) fn build() -> Value {
    let mut contract: Value = serde_json::from_str(CONTRACT_SCHEMA).unwrap_or(Value::Null);
    rewrite_refs(&mut contract);
    let mut schemas = match contract.get_mut("$defs").map(Value::take) {
        Some(Value::Object(defs)) => defs,
        _ => Map::new(),
    };
    // The contract's top-level `oneOf`: any one-document answer.
    if let Some(one_of) = contract.get("oneOf") {
        schemas.insert(
            "contract_document".into(),
            json!({"oneOf": one_of, "description": "Any one-document answer of the contract."}),
        );
    }
    schemas.insert(
        "http_error".into(),
        json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["error"],
            "properties": {"error": {
                "type": "object",
                "additionalProperties": false,
                "required": ["code", "message", "field"],
                "properties": {
                    "code": {"type": "string", "enum": [
                        "bad_request", "invalid_query", "invalid_period", "invalid_roster",
                        "not_found", "method_not_allowed", "request_timeout",
                        "payload_too_large", "unsupported_media_type", "overloaded", "internal"
                    ]},
                    "message": {"type": "string"},
                    "field": {"type": "null"},
                },
            }},
            "description": "An HTTP-level error (docs/HTTP.md).",
        }),
    );
    schemas.insert(
        "rules_document".into(),
        json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["version", "period", "date", "tables", "not_in_force"],
            "properties": {
                "version": {"const": 1},
                "period": schema_ref("period"),
                "date": schema_ref("date"),
                "tables": {"type": "array", "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["table", "from", "source", "value"],
                    "properties": {
                        "table": {"type": "string", "description": "The table's stable name (module::TABLE), its rule id."},
                        "from": {"type": "string", "description": "The period (YYYY-MM) or date the row applies from."},
                        "source": {
                            "type": "object",
                            "additionalProperties": false,
                            "required": ["instrument", "provision"],
                            "properties": {"instrument": {"type": "string"}, "provision": {"type": "string"}},
                        },
                        "value": {"description": "The row: rates as decimal strings, amounts as whole rupiah."},
                    },
                }},
                "not_in_force": {"type": "array", "items": {"type": "string"}},
            },
            "description": "The tables in force in a period (GET /v1/rules).",
        }),
    );
    schemas.insert(
        "health".into(),
        json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["status"],
            "properties": {"status": {"const": "ok"}},
        }),
    );

    let mut paths = Map::new();
    for command in Command::ALL {
        paths.insert(
            format!("/v1/{}", command.name()),
            command_path(command, &schemas),
        );
    }
    let period_parameter = json!({
        "name": "period", "in": "query", "required": true,
        "schema": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
    });
    let mut batch_responses = Map::new();
    batch_responses.insert(
        "200".into(),
        json!({
            "description": "One result row per input row, in order (CONTRACT.md §2), streamed; exactly what `jamsos batch` writes.",
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        }),
    );
    batch_responses.extend(http_errors(&["400", "405", "408", "415", "503"]));
    paths.insert(
        "/v1/batch".into(),
        json!({"post": {
            "operationId": "batch",
            "summary": "jamsos batch: a roster streamed in, results streamed out",
            "parameters": [
                {"name": "period", "in": "query", "required": false,
                 "description": "The period of rows without a period cell; required for CSV.",
                 "schema": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"}},
                {"name": "format", "in": "query", "required": false,
                 "schema": {"type": "string", "enum": ["csv", "ndjson"], "default": "csv"}},
                {"name": "allow_extra_columns", "in": "query", "required": false,
                 "schema": {"type": "string", "enum": ["true", "false"], "default": "false"}},
            ],
            "requestBody": {"required": true, "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
            }},
            "responses": batch_responses,
        }}),
    );
    let mut rules_responses = Map::new();
    rules_responses.insert(
        "200".into(),
        json!({"description": "The tables in force that month.",
               "content": {"application/json": {"schema": schema_ref("rules_document")}}}),
    );
    rules_responses.extend(http_errors(&["400", "405", "503"]));
    paths.insert(
        "/v1/rules".into(),
        json!({"get": {
            "operationId": "rules",
            "summary": "The rates, ceilings, amounts and regimes in force in a month, with their sources",
            "parameters": [period_parameter],
            "responses": rules_responses,
        }}),
    );
    paths.insert(
        "/healthz".into(),
        json!({"get": {
            "operationId": "healthz",
            "summary": "Liveness",
            "responses": {"200": {"description": "The server answers.",
                "content": {"application/json": {"schema": schema_ref("health")}}}},
        }}),
    );
    paths.insert(
        "/openapi.json".into(),
        json!({"get": {
            "operationId": "openapi",
            "summary": "This document",
            "responses": {"200": {"description": "OpenAPI 3.1.",
                "content": {"application/json": {"schema": {"type": "object"}}}}},
        }}),
    );

    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "jamsos",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "BPJS Ketenagakerjaan contributions, eligibility, benefit claims and late fines, exact and cited: the JSON contract v1 over HTTP.",
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"},
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": paths,
        "components": {"schemas": schemas},
    })
}

/// The document as served (built once at start).
pub(crate) fn document() -> Bytes {
    Bytes::from(format!("{}\n", build()))
}

/// The handler.
pub(crate) async fn serve(
    axum::extract::State(app): axum::extract::State<std::sync::Arc<App>>,
) -> Response {
    let mut response = app.openapi.clone().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}
