//! The OpenAPI document against the server: every answer a client can get is documented,
//! with its problem schema, and every documented operation is served. (scripts/api-fuzz.sh
//! checks the same agreement with generated requests.)

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::TestApp;

const METHODS: [&str; 5] = ["get", "put", "post", "patch", "delete"];

/// Every operation in the document: (path, method, operation, path-level parameters).
fn operations(doc: &Value) -> Vec<(String, String, Value, Vec<Value>)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let shared = item["parameters"].as_array().cloned().unwrap_or_default();
        for method in METHODS {
            if item[method].is_object() {
                found.push((
                    path.clone(),
                    method.to_owned(),
                    item[method].clone(),
                    shared.clone(),
                ));
            }
        }
    }
    found
}

/// Follows a local `$ref` (`#/components/...`).
fn resolve<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    match value["$ref"].as_str() {
        Some(reference) => {
            let pointer = reference.strip_prefix('#').expect("a local $ref");
            let target = doc.pointer(pointer).unwrap_or(&Value::Null);
            assert!(!target.is_null(), "{reference} points at nothing");
            resolve(doc, target)
        }
        None => value,
    }
}

async fn document(app: &TestApp) -> Value {
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

#[tokio::test]
async fn every_refusal_an_operation_can_give_is_documented_as_a_problem() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let bearer = &doc["components"]["securitySchemes"]["bearer"];
    assert_eq!(bearer["type"], "http");
    assert_eq!(bearer["scheme"], "bearer");

    let mut missing = Vec::new();
    for (path, method, operation, shared) in operations(&doc) {
        let label = format!("{} {path}", method.to_uppercase());
        let responses = operation["responses"].as_object().expect("responses");
        let mut expect = |code: &str, why: &str| {
            if !responses.contains_key(code) {
                missing.push(format!("{label}: {code} ({why})"));
            }
        };
        let body = &operation["requestBody"]["content"];
        if body.is_object() {
            for code in ["400", "413", "415", "422"] {
                expect(code, "it takes a body");
            }
        }
        let secured = operation["security"]
            .as_array()
            .is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
        if secured {
            expect("401", "it takes a token");
        }
        if secured
            && operation["security"]
                .as_array()
                .is_some_and(|s| s.len() == 1)
        {
            expect("403", "it needs a role");
        }
        let parameters: Vec<Value> = shared
            .iter()
            .chain(operation["parameters"].as_array().into_iter().flatten())
            .cloned()
            .collect();
        for parameter in &parameters {
            if parameter["in"] == "path" {
                expect("404", "it names a record in its path");
                let schema = &parameter["schema"];
                assert_eq!(schema["type"], "integer", "{label}: ids are whole numbers");
                assert_eq!(schema["format"], "int64", "{label}");
                assert_eq!(schema["minimum"], 1, "{label}");
            }
        }
        if parameters.iter().any(|p| p["in"] == "query") {
            expect("422", "its query is checked");
        }
        for (code, response) in responses {
            let response = resolve(&doc, response);
            assert!(
                response["description"].is_string(),
                "{label} {code} has a description"
            );
            if code.starts_with('4') {
                let schema = &response["content"]["application/problem+json"]["schema"];
                assert_eq!(
                    schema["$ref"], "#/components/schemas/Problem",
                    "{label} {code} is a problem document"
                );
            }
            if code.starts_with('2') && code != "204" {
                assert!(
                    response["content"].is_object(),
                    "{label} {code} says what it answers"
                );
            }
        }
        if let Some(schema) = body.get("application/json").map(|b| &b["schema"]) {
            // The server refuses fields it does not know (serde's deny_unknown_fields).
            assert_eq!(
                resolve(&doc, schema)["additionalProperties"],
                false,
                "{label}: the body takes only the documented fields"
            );
        }
    }
    assert!(
        missing.is_empty(),
        "undocumented answers:\n{}",
        missing.join("\n")
    );
}

#[tokio::test]
async fn request_schemas_carry_the_limits_the_server_checks() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let schemas = &doc["components"]["schemas"];
    for (schema, field, limit) in [
        ("NewArticle", "title", 300),
        ("NewArticle", "standfirst", 1_000),
        ("NewArticle", "body", 200_000),
        ("NewArticle", "seo_title", 200),
        ("NewArticle", "seo_description", 500),
        ("NewSection", "name", 120),
        ("NewSection", "description", 5_000),
        ("NewTag", "name", 60),
        ("NewAuthor", "name", 120),
        ("NewAuthor", "bio", 5_000),
        ("NewAuthor", "photo_url", 2_000),
        ("LeadImage", "alt", 500),
        ("LeadImage", "credit", 200),
        ("LeadImage", "caption", 1_000),
        ("SettingsChange", "site_title", 120),
        ("SettingsChange", "site_description", 300),
    ] {
        assert_eq!(
            schemas[schema]["properties"][field]["maxLength"], limit,
            "{schema}.{field}"
        );
    }
    assert_eq!(
        schemas["NewArticle"]["required"],
        serde_json::json!(["title", "body", "section", "authors"])
    );
    assert_eq!(
        schemas["ArticleChange"]["required"],
        serde_json::json!(["version"])
    );
    assert_eq!(
        schemas["SettingsChange"]["properties"]["reactions"]["maxItems"],
        newsdesk::config::MAX_REACTIONS
    );
    assert_eq!(
        schemas["SettingsChange"]["properties"]["reactions"]["items"]["properties"]["label"]["maxLength"],
        newsdesk::config::MAX_REACTION_LABEL
    );
    assert_eq!(schemas["NewArticle"]["properties"]["tags"]["maxItems"], 20);
    assert_eq!(
        schemas["NewArticle"]["properties"]["authors"]["maxItems"],
        10
    );
    // None only for agency copy under the agency's byline (the rules check the rest).
    assert_eq!(
        schemas["NewArticle"]["properties"]["authors"]["minItems"],
        0
    );
    // A new article and a change take the same fields with the same limits (a change may
    // also send null for "keep"), and a change also its version.
    let new = schemas["NewArticle"]["properties"]
        .as_object()
        .expect("properties");
    let change = schemas["ArticleChange"]["properties"]
        .as_object()
        .expect("properties");
    let mut names: Vec<&String> = change.keys().filter(|k| *k != "version").collect();
    names.sort();
    let mut new_names: Vec<&String> = new.keys().collect();
    new_names.sort();
    assert_eq!(names, new_names);
    for (name, field) in new {
        for limit in [
            "maxLength",
            "maxItems",
            "minItems",
            "pattern",
            "format",
            "items",
        ] {
            assert_eq!(field[limit], change[name][limit], "{name}.{limit}");
        }
    }
    for kind in ["Section", "Tag", "Author"] {
        assert_eq!(
            schemas[format!("New{kind}")]["properties"]["slug"],
            schemas[format!("{kind}Change")]["properties"]["slug"]
        );
        assert_eq!(
            schemas[format!("New{kind}")]["required"],
            serde_json::json!(["name"])
        );
    }
}

#[tokio::test]
async fn every_documented_operation_is_served_and_no_other_method_is() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let mut wrong = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        // Ids no record has: the answer is then the operation's own, not the router's.
        let concrete = path
            .replace("{id}", "987654")
            .replace("{revision}", "987654");
        for method in METHODS {
            let verb = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let response = app
                .client
                .request(verb, app.url(&format!("/api/v1{concrete}")))
                .bearer_auth(&app.token)
                .header("content-type", "application/json")
                .body("{}")
                .send()
                .await
                .expect("request");
            let status = response.status();
            let content_type = response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned();
            // An event stream never ends; its answer is in its status and type.
            let text = if content_type.starts_with("text/event-stream") {
                String::new()
            } else {
                response.text().await.unwrap_or_default()
            };
            let documented = item[method].is_object();
            let unrouted =
                status == StatusCode::METHOD_NOT_ALLOWED || text.contains("no such API endpoint");
            if documented == unrouted {
                wrong.push(format!(
                    "{} {path}: documented {documented}, answered {status}",
                    method.to_uppercase()
                ));
            }
            if status.is_client_error() {
                assert_eq!(
                    content_type, "application/problem+json",
                    "{method} {path}: {status} {text}"
                );
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[tokio::test]
async fn refusals_made_before_a_handler_runs_are_problem_documents_too() {
    let app = TestApp::spawn().await;
    let problem = |response: reqwest::Response| async move {
        let status = response.status();
        let allow = response.headers().get("allow").cloned();
        let content_type = response.headers()["content-type"].clone();
        assert_eq!(content_type, "application/problem+json", "{status}");
        let body: Value = response.json().await.expect("problem json");
        assert_eq!(body["status"], status.as_u16());
        assert!(body["detail"].as_str().is_some_and(|d| !d.is_empty()));
        (status, allow)
    };
    // An id that is not UTF-8 once decoded: the router refuses it before any handler.
    let response = app.get("/api/v1/articles/%FF").await;
    assert_eq!(problem(response).await.0, StatusCode::BAD_REQUEST);
    // A method the address does not take.
    let response = app
        .client
        .delete(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("request");
    let (status, allow) = problem(response).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(allow.is_some_and(|a| a.to_str().unwrap_or("").contains("GET")));
    // An upload that is not a multipart form.
    let response = app
        .client
        .post(app.url("/api/v1/media"))
        .bearer_auth(&app.token)
        .json(&serde_json::json!({"file": "x"}))
        .send()
        .await
        .expect("request");
    assert_eq!(
        problem(response).await.0,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
}
