//! The API of CONTRACT.md §7 over TCP: every golden case, the OpenAPI
//! document (valid OpenAPI 3.1, and every answer valid against the schema it
//! gives), the rules in force, the health check and streamed batches equal
//! to the command line's.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use common::{Server, config, get, post_json, repo, request, stream_post};
use jamsos_contract::{Command, Settings, respond_bytes};
use serde_json::{Value, json};

/// Every golden case of `testdata/`: (command, input bytes).
fn golden_cases() -> Vec<(String, String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut dirs = vec![repo().join("testdata")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in doc.as_array().unwrap() {
            cases.push((
                case["name"].as_str().unwrap().to_owned(),
                case["command"].as_str().unwrap().to_owned(),
                serde_json::to_vec(&case["input"]).unwrap(),
            ));
        }
    }
    cases
}

/// A validator for the component schema `name` of an OpenAPI document.
fn component_validator(openapi: &Value, name: &str) -> jsonschema::Validator {
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": openapi["components"],
        "$ref": format!("#/components/schemas/{name}"),
    });
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("component {name}: {e}"))
}

/// The schema name a response of `path` with `status` refers to.
fn response_schema(openapi: &Value, path: &str, method: &str, status: u16) -> String {
    let reference = openapi["paths"][path][method]["responses"][status.to_string()]["content"]
        ["application/json"]["schema"]["$ref"]
        .as_str()
        .unwrap_or_else(|| panic!("no schema for {method} {path} {status}"));
    reference
        .strip_prefix("#/components/schemas/")
        .unwrap()
        .to_owned()
}

#[test]
fn every_golden_case_over_http_is_the_command_lines_answer() {
    let server = Server::start(config());
    let openapi = get(&server, "/openapi.json").json();
    let cases = golden_cases();
    assert!(cases.len() > 500, "{} golden cases", cases.len());
    let mut statuses = std::collections::BTreeMap::new();
    let mut validators = std::collections::BTreeMap::new();
    for (name, command, input) in &cases {
        let reply = post_json(&server, &format!("/v1/{command}"), input);
        let expected = respond_bytes(
            Command::from_name(command).unwrap(),
            input,
            &Settings::default(),
        );
        let want_status = match expected.status {
            jamsos_contract::Status::Ok => 200,
            _ => 422,
        };
        assert_eq!(reply.status, want_status, "{name}");
        assert_eq!(reply.header("content-type"), Some("application/json"));
        assert_eq!(reply.text(), format!("{}\n", expected.json), "{name}");
        *statuses.entry(reply.status).or_insert(0) += 1;

        // The answer is what the OpenAPI document says it is.
        let schema = response_schema(&openapi, &format!("/v1/{command}"), "post", reply.status);
        let validator = validators
            .entry(schema.clone())
            .or_insert_with(|| component_validator(&openapi, &schema));
        let doc = reply.json();
        if let Some(e) = validator.iter_errors(&doc).next() {
            panic!("{name}: {e} in {doc}");
        }
    }
    // Both kinds of answers were seen.
    assert!(statuses[&200] > 400 && statuses[&422] > 20, "{statuses:?}");
}

#[test]
fn openapi_is_valid_openapi_3_1_and_describes_every_endpoint() {
    let server = Server::start(config());
    let reply = get(&server, "/openapi.json");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let doc = reply.json();

    let meta: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/openapi-3.1-schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft202012::new(&meta).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The meta-schema does catch a broken document.
    let mut broken = doc.clone();
    broken.as_object_mut().unwrap().remove("info");
    assert!(!validator.is_valid(&broken));
    broken["info"] = json!({"title": "jamsos"});
    assert!(!validator.is_valid(&broken));
    assert_eq!(doc["openapi"], "3.1.0");

    // The contract's schema is embedded: its $defs are the components, and
    // no reference points back into a `$defs` that is not there.
    let contract: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("docs/contract-v1.schema.json")).unwrap(),
    )
    .unwrap();
    for name in contract["$defs"].as_object().unwrap().keys() {
        assert!(
            doc["components"]["schemas"].get(name).is_some(),
            "{name} missing"
        );
    }
    assert!(!doc.to_string().contains("#/$defs/"));
    // Every component compiles (all references resolve).
    for name in doc["components"]["schemas"].as_object().unwrap().keys() {
        let _ = component_validator(&doc, name);
    }

    let mut paths: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    paths.sort_unstable();
    let mut expected: Vec<String> = Command::ALL
        .iter()
        .map(|c| format!("/v1/{}", c.name()))
        .collect();
    expected.extend(
        ["/v1/batch", "/v1/rules", "/healthz", "/openapi.json"]
            .iter()
            .map(|s| (*s).to_owned()),
    );
    expected.sort_unstable();
    assert_eq!(paths, expected);
    assert_eq!(
        doc["paths"]["/v1/contribution"]["post"]["responses"]["200"]["content"]["application/json"]
            ["schema"]["$ref"],
        "#/components/schemas/contribution_result"
    );
}

#[test]
fn health_and_rules() {
    let server = Server::start(config());
    let health = get(&server, "/healthz");
    assert_eq!(health.status, 200);
    assert_eq!(health.json(), json!({"status": "ok"}));

    let openapi = get(&server, "/openapi.json").json();
    let validator = component_validator(&openapi, "rules_document");

    let reply = get(&server, "/v1/rules?period=2026-04");
    assert_eq!(reply.status, 200);
    let doc = reply.json();
    assert!(validator.is_valid(&doc), "{doc}");
    assert_eq!(doc["period"], "2026-04");
    let table = |name: &str| {
        doc["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["table"] == name)
            .unwrap_or_else(|| panic!("{name} not in force in {doc}"))
            .clone()
    };
    // PP 44/2015 Lampiran I: JKK 0.24% … 1.74% by risk group.
    let jkk = table("pp_44_2015::JKK_PU");
    assert_eq!(
        jkk["value"],
        json!(["0.0024", "0.0054", "0.0089", "0.0127", "0.0174"])
    );
    assert_eq!(jkk["source"]["instrument"], "PP 44/2015");
    // PP 45/2015: JP 2% employer, 1% worker.
    assert_eq!(
        table("pp_45_2015::JP_SHARES")["value"],
        json!({"employer": "0.02", "worker": "0.01"})
    );
    // D-14: PP 6/2025's JKP regime (0.36%, no JKM share) from 2025-02.
    let jkp = table("jkp::JKP_REGIME");
    assert_eq!(jkp["from"], "2025-02");
    assert_eq!(jkp["value"]["from_jkm"], "0");
    // D-21: PP 50/2025 halves transport BPU JKK/JKM in 2026-01 … 2027-03.
    assert_eq!(
        table("pp_50_2025::TRANSPORT")["value"],
        json!({"factor": "0.5"})
    );
    // The PP 49/2020 relief covered 2020-08 … 2021-01 only.
    assert!(
        doc["not_in_force"]
            .as_array()
            .unwrap()
            .contains(&json!("pp_49_2020::RELIEF"))
    );
    let relief = get(&server, "/v1/rules?period=2020-09").json();
    let relief = relief["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == "pp_49_2020::RELIEF")
        .unwrap()
        .clone();
    assert_eq!(relief["value"]["jkk_jkm_factor"], "0.01");
    // Every table is named, in force or not.
    let named =
        doc["tables"].as_array().unwrap().len() + doc["not_in_force"].as_array().unwrap().len();
    assert_eq!(named, jamsos_rules::TABLES.len());

    get(&server, "/v1/rules").assert_error(400, "invalid_period");
    get(&server, "/v1/rules?period=2026-4").assert_error(400, "invalid_period");
    get(&server, "/v1/rules?period=2026-04&nik=1").assert_error(400, "invalid_query");
    get(&server, "/v1/rules?period=%zz").assert_error(400, "invalid_query");
}

/// `jamsos batch` as the command line runs it (the same pipeline, default
/// settings and threads).
fn cli_batch(input: &[u8], period: &str, format: jamsos_batch::Format) -> Vec<u8> {
    let mut out = Vec::new();
    let config = jamsos_batch::Config {
        format,
        ..jamsos_batch::Config::new(period.parse().unwrap())
    };
    jamsos_batch::run(input, &mut out, &config).unwrap();
    out
}

#[test]
fn a_100000_row_roster_streams_through_batch_byte_for_byte() {
    let server = Server::start(config());
    let mut roster = Vec::new();
    jamsos_batch::sample::write_roster(&mut roster, 100_000, 7).unwrap();
    let expected = cli_batch(&roster, "2026-04", jamsos_batch::Format::Csv);
    let reply = stream_post(&server, "/v1/batch?period=2026-04", "text/csv", roster);
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("content-type"),
        Some("text/csv; charset=utf-8")
    );
    assert_eq!(reply.header("transfer-encoding"), Some("chunked"));
    assert_eq!(reply.body.len(), expected.len());
    assert!(
        reply.body == expected,
        "the answer differs from jamsos batch"
    );
    assert_eq!(reply.text().lines().count(), 100_001);
}

#[test]
fn batch_formats_and_errors() {
    let server = Server::start(config());
    // examples/data/roster.csv: 349 rows, six defective, as `jamsos batch`.
    let roster = std::fs::read(repo().join("examples/data/roster.csv")).unwrap();
    let expected = cli_batch(&roster, "2026-04", jamsos_batch::Format::Csv);
    let reply = request(
        &server,
        "POST",
        "/v1/batch?period=2026-04",
        Some("text/csv"),
        &roster,
    );
    assert_eq!(reply.status, 200);
    assert!(reply.body == expected);
    // The defective rows are error rows, the others ok, one per input row.
    let mut summary_out = Vec::new();
    let summary = jamsos_batch::run(
        &roster[..],
        &mut summary_out,
        &jamsos_batch::Config::new("2026-04".parse().unwrap()),
    )
    .unwrap();
    assert!(summary.all.errors > 0 && summary.all.ok > 300);
    let text = reply.text();
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len() as u64, summary.all.rows);
    assert_eq!(
        rows.iter()
            .filter(|r| r.split(',').nth(1) == Some("error"))
            .count() as u64,
        summary.all.errors
    );

    // NDJSON: one answer per line, the period from each case.
    let ndjson =
        b"{\"period\":\"2026-10\",\"participant\":{\"category\":\"bpu\",\"income\":1000000}}\n{\n";
    let expected = cli_batch(ndjson, "2015-07", jamsos_batch::Format::Ndjson);
    let reply = request(
        &server,
        "POST",
        "/v1/batch?format=ndjson",
        Some("application/x-ndjson"),
        ndjson,
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.header("content-type"), Some("application/x-ndjson"));
    assert!(reply.body == expected, "{}", reply.text());
    // D-21 does not reach the participant's own 8,400 package here.
    assert!(
        reply
            .text()
            .lines()
            .next()
            .unwrap()
            .contains("\"participant\":8400")
    );
    assert!(
        reply
            .text()
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("{\"line\":2,\"error\":{\"code\":\"invalid_json\"")
    );

    // Without `format`, the NDJSON content type says it.
    let reply = request(
        &server,
        "POST",
        "/v1/batch",
        Some("application/x-ndjson"),
        ndjson,
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(reply.body == expected, "{}", reply.text());

    // A roster that cannot run is 400 with the reason; no result rows.
    request(
        &server,
        "POST",
        "/v1/batch?period=2026-04",
        Some("text/csv"),
        b"name,wage\nA,1\n",
    )
    .assert_error(400, "invalid_roster");
    request(
        &server,
        "POST",
        "/v1/batch?period=2026-04",
        Some("text/csv"),
        b"",
    )
    .assert_error(400, "invalid_roster");
    // Extra columns only when allowed.
    let extra = b"id,category,income,employer\nX-1,bpu,1000000,ACME\n";
    request(
        &server,
        "POST",
        "/v1/batch?period=2026-04",
        Some("text/csv"),
        extra,
    )
    .assert_error(400, "invalid_roster");
    let reply = request(
        &server,
        "POST",
        "/v1/batch?period=2026-04&allow_extra_columns=true",
        Some("text/csv"),
        extra,
    );
    assert_eq!(reply.status, 200);
    assert!(reply.text().lines().nth(1).unwrap().starts_with("X-1,ok,"));
    // Queries.
    for (target, code) in [
        ("/v1/batch", "invalid_period"),
        ("/v1/batch?period=2026-13", "invalid_period"),
        ("/v1/batch?period=2026-04&format=xlsx", "invalid_query"),
        ("/v1/batch?period=2026-04&period=2026-05", "invalid_query"),
        ("/v1/batch?period=2026-04&summary=x", "invalid_query"),
    ] {
        request(&server, "POST", target, Some("text/csv"), b"id\n1\n").assert_error(400, code);
    }
    // The content type must match the format.
    request(
        &server,
        "POST",
        "/v1/batch?period=2026-04",
        Some("application/json"),
        b"id\n",
    )
    .assert_error(415, "unsupported_media_type");
    request(
        &server,
        "POST",
        "/v1/batch?format=ndjson",
        Some("text/csv"),
        b"{}\n",
    )
    .assert_error(415, "unsupported_media_type");
}

#[test]
fn cors_only_when_configured_and_gzip_only_when_asked() {
    let preflight = b"OPTIONS /v1/contribution HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: https://payroll.example\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n\r\n";
    let case = std::fs::read(repo().join("examples/data/pu-medium-factory.json")).unwrap();
    let with_origin = |server: &Server| {
        let mut raw = format!(
            "POST /v1/contribution HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: https://payroll.example\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            case.len()
        )
        .into_bytes();
        raw.extend_from_slice(&case);
        common::raw(server, &raw)
    };

    // Off by default: no CORS header, and a preflight is refused.
    let server = Server::start(config());
    let reply = with_origin(&server);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("access-control-allow-origin"), None);
    let reply = common::raw(&server, preflight);
    assert_eq!(reply.header("access-control-allow-origin"), None);
    assert_eq!(reply.status, 405);

    // --cors ORIGIN: that origin, POST and Content-Type allowed.
    let server = Server::start(jamsos_server::Config {
        cors: Some("https://payroll.example".parse().unwrap()),
        ..config()
    });
    let reply = with_origin(&server);
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("https://payroll.example")
    );
    let reply = common::raw(&server, preflight);
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("https://payroll.example")
    );
    assert!(
        reply
            .header("access-control-allow-methods")
            .unwrap()
            .contains("POST")
    );

    // gzip only for a client that asks for it.
    let mut raw = format!(
        "POST /v1/contribution HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAccept-Encoding: gzip\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        case.len()
    )
    .into_bytes();
    raw.extend_from_slice(&case);
    let reply = common::raw(&server, &raw);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-encoding"), Some("gzip"));
    assert_eq!(&reply.body[..2], &[0x1f, 0x8b]);
    assert_eq!(with_origin(&server).header("content-encoding"), None);
}
